using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Backups;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Support;

/// <summary>What a backup test compares: every row of the workflow tables, and every attachment's bytes.</summary>
public static class BackupData
{
    private static readonly string[] Tables =
        ["Dialogues", "Petitions", "Speakers", "PetitionAttachments", "AspNetUsers", "Departments", "Villages", "AuditEntries"];

    /// <summary>A text dump of the tables, row by row in key order: equal dumps mean equal data.</summary>
    public static string Dump(string databasePath)
    {
        using var conn = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        conn.Open();
        var sb = new StringBuilder();
        foreach (var table in Tables)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = cmd.ExecuteReader();
            sb.AppendLine("## " + table);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) sb.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    /// <summary>Relative path → SHA-256 of what every file under the attachments folder holds (opened: at rest each is sealed afresh).</summary>
    public static SortedDictionary<string, string> Files(CoreTestHost host)
    {
        var root = host.AttachmentsRoot;
        var cipher = host.Get<AttachmentCipher>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return files;
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(root, f).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(cipher.Unseal(File.ReadAllBytes(f))));
        return files;
    }

    /// <summary>
    /// The plain backup zip inside a sealed backup (opened with the tests' passphrase, written beside it), or the file
    /// itself when it is plain: what an earlier version wrote, and what the checks inside a backup are tested on.
    /// </summary>
    public static string Plain(string zipPath, string passphrase = CoreTestHost.BackupPassphrase)
    {
        if (!BackupArchive.IsSealedAsync(zipPath).GetAwaiter().GetResult()) return zipPath;
        var target = zipPath + "." + Guid.NewGuid().ToString("N")[..8] + ".plain.zip";
        using var zip = ZipFile.OpenRead(zipPath);
        var headerBytes = ReadAll(zip.GetEntry(BackupCipher.HeaderEntry)!);
        var header = BackupCipher.ReadHeader(headerBytes);
        var key = BackupCipher.KeyFromPassphrase(header, passphrase);
        using var input = zip.GetEntry(BackupCipher.PayloadEntry)!.Open();
        using (var output = File.Create(target))
            BackupCipher.DecryptAsync(input, output, key, header, headerBytes, default).GetAwaiter().GetResult();
        return target;
    }

    public static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var input = entry.Open();
        using var ms = new MemoryStream();
        input.CopyTo(ms);
        return ms.ToArray();
    }

    public static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Adds a petition with a random "scan" attached; returns the petition's id.</summary>
    public static async Task<int> PetitionWithScanAsync(CoreTestHost host, int dialogueId, string name, int bytes = 20_000)
    {
        var p = await WorkflowData.PetitionAsync(host, dialogueId, name);
        await host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "scan.pdf", new MemoryStream(RandomNumberGenerator.GetBytes(bytes)));
        return p.Id;
    }

    /// <summary>Extracts the backup's database to a file beside the zip.</summary>
    public static string ExtractDatabase(string zipPath)
    {
        var target = zipPath + ".db";
        using var zip = ZipFile.OpenRead(Plain(zipPath));
        zip.GetEntry("phochau.db")!.ExtractToFile(target, overwrite: true);
        return target;
    }

    /// <summary>Rewrites a backup with one entry changed by <paramref name="edit"/>, keeping the rest (and the manifest) as it was.</summary>
    public static string CopyWithEdit(string zipPath, string entryName, Func<byte[], byte[]> edit)
    {
        var copy = Path.Combine(Path.GetDirectoryName(zipPath)!, "edited-" + Guid.NewGuid().ToString("N") + ".zip");
        using var source = ZipFile.OpenRead(Plain(zipPath));
        using var target = ZipFile.Open(copy, ZipArchiveMode.Create);
        foreach (var e in source.Entries)
        {
            using var input = e.Open();
            using var ms = new MemoryStream();
            input.CopyTo(ms);
            var bytes = e.FullName == entryName ? edit(ms.ToArray()) : ms.ToArray();
            using var output = target.CreateEntry(e.FullName).Open();
            output.Write(bytes);
        }
        return copy;
    }

    /// <summary>Copies a zip to <paramref name="path"/> with one entry's bytes changed by <paramref name="edit"/>.</summary>
    public static string CopyEntry(string zipPath, string path, string entryName, Func<byte[], byte[]> edit)
    {
        using var source = ZipFile.OpenRead(zipPath);
        using var target = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var e in source.Entries)
        {
            var bytes = ReadAll(e);
            using var output = target.CreateEntry(e.FullName, CompressionLevel.NoCompression).Open();
            output.Write(e.FullName == entryName ? edit(bytes) : bytes);
        }
        return path;
    }

    public static async Task<int> CountAsync(CoreTestHost host)
    {
        await using var db = host.NewDb();
        return await db.Petitions.CountAsync();
    }
}
