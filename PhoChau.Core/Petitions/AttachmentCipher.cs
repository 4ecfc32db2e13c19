using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Citizens' scans (ID cards, land papers) are sensitive personal data: at rest, on disk and in the database store,
/// they are sealed with ASP.NET Core Data Protection (AES-256-CBC + HMAC, keys in the data folder's keys/, wrapped
/// by DPAPI on Windows; in the database on a province server), so a copied data folder, a stolen disk image or a
/// database dump does not show them. A sealed file starts with <see cref="Magic"/>; files from before are read as
/// they are and sealed by <see cref="SealExistingAsync"/> at start.
/// </summary>
public sealed class AttachmentCipher(IDataProtectionProvider protection, ILogger<AttachmentCipher> log)
{
    public static ReadOnlySpan<byte> Magic => "PHOCHAU\u0001"u8;

    private IDataProtector Protector => protection.CreateProtector("PhoChau.Attachments.v1");

    public static bool IsSealed(ReadOnlySpan<byte> stored) => stored.StartsWith(Magic);

    public byte[] Seal(byte[] plain) => [.. Magic, .. Protector.Protect(plain)];

    public byte[] Unseal(byte[] stored) => IsSealed(stored) ? Protector.Unprotect(stored[Magic.Length..]) : stored;

    /// <summary>A stored file, opened as the citizen handed it in.</summary>
    public async Task<Stream> OpenFileAsync(string path, CancellationToken ct = default) =>
        new MemoryStream(Unseal(await File.ReadAllBytesAsync(path, ct)), writable: false);

    /// <summary>Seals the files under <paramref name="root"/> (and the database store's rows) that are still plain.</summary>
    public async Task<int> SealExistingAsync(string root, IDbContextFactory<PhoChauDbContext> dbFactory, CancellationToken ct = default)
    {
        var count = await SealFilesAsync(root, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            count += await SealRowsAsync(db.Database.GetDbConnection(), seal: true, ct);
        }
        if (count > 0) log.LogInformation("Đã niêm phong {Count} tệp đính kèm vốn lưu dạng rõ. / Sealed attachments that were stored in clear.", count);
        return count;
    }

    /// <summary>Seals the plain files under <paramref name="root"/> (a restored backup's, or an older version's).</summary>
    public async Task<int> SealFilesAsync(string root, CancellationToken ct = default)
    {
        var count = 0;
        if (Directory.Exists(root))
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (path.EndsWith(".sealing", StringComparison.Ordinal)) { File.Delete(path); continue; } // an interrupted run
                if (await StartsSealedAsync(path, ct)) continue;
                var bytes = await File.ReadAllBytesAsync(path, ct);
                // Written beside, then moved over: a crash leaves the plain file or the sealed one, never half of either.
                var temp = path + ".sealing";
                await File.WriteAllBytesAsync(temp, Seal(bytes), ct);
                File.Move(temp, path, overwrite: true);
                count++;
            }
        }
        return count;
    }

    /// <summary>In a backup's copy of the database: the stored scans plain (the sealed backup protects them; any portal restores them).</summary>
    public void UnsealDatabaseContents(string sqliteFile) => OnFile(sqliteFile, seal: false);

    /// <summary>In a restored database before it is put in place: the stored scans sealed with this portal's keys.</summary>
    public void SealDatabaseContents(string sqliteFile) => OnFile(sqliteFile, seal: true);

    private void OnFile(string sqliteFile, bool seal)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false }.ToString());
        conn.Open();
        SealRowsAsync(conn, seal, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<bool> StartsSealedAsync(string path, CancellationToken ct)
    {
        var head = new byte[Magic.Length];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return IsSealed(head.AsSpan(0, read));
    }

    private async Task<int> SealRowsAsync(DbConnection conn, bool seal, CancellationToken ct)
    {
        // Every start checks: only the first bytes of each row are read, the whole row only when it must change.
        var head = conn is SqliteConnection ? "substr(\"Bytes\", 1, 8)" : "substring(\"Bytes\" from 1 for 8)";
        var ids = new List<int>();
        await using (var select = conn.CreateCommand())
        {
            select.CommandText = $"SELECT \"AttachmentId\", {head} FROM \"AttachmentContents\"";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (IsSealed((byte[])reader.GetValue(1)) != seal) ids.Add(reader.GetInt32(0));
        }
        foreach (var id in ids)
        {
            byte[] bytes;
            await using (var one = conn.CreateCommand())
            {
                one.CommandText = "SELECT \"Bytes\" FROM \"AttachmentContents\" WHERE \"AttachmentId\" = @id";
                var p = one.CreateParameter(); p.ParameterName = "@id"; p.Value = id; one.Parameters.Add(p);
                bytes = (byte[])(await one.ExecuteScalarAsync(ct))!;
            }
            await using var update = conn.CreateCommand();
            update.CommandText = "UPDATE \"AttachmentContents\" SET \"Bytes\" = @bytes WHERE \"AttachmentId\" = @id";
            var b = update.CreateParameter(); b.ParameterName = "@bytes"; b.Value = seal ? Seal(bytes) : Unseal(bytes); update.Parameters.Add(b);
            var i = update.CreateParameter(); i.ParameterName = "@id"; i.Value = id; update.Parameters.Add(i);
            await update.ExecuteNonQueryAsync(ct);
        }
        return ids.Count;
    }
}
