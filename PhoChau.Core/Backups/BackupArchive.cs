using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using PhoChau.Core.Petitions;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PhoChau.Core.Backups;

/// <summary>A backup opened for checking: the plain zip to read (a temporary file for a sealed one, deleted on dispose).</summary>
public sealed record OpenedBackup(string PlainZip, bool WasSealed) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        if (WasSealed) try { File.Delete(PlainZip); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The backup zip's layout: manifest.json, phochau.db and attachments/…, read and checked the same way everywhere.</summary>
public static class BackupArchive
{
    public const string ManifestEntry = "manifest.json";
    public const string DatabaseEntry = "phochau.db";
    public const string AttachmentsPrefix = "attachments/";
    /// <summary>The secret the receipts' PINs are hashed with: without it every printed receipt would stop working after a restore.</summary>
    public const string PinKeyEntry = "keys/" + TrackingPin.KeyFile;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Whether the file is a sealed backup (then restoring it needs its passphrase); false for anything else.</summary>
    public static async Task<bool> IsSealedAsync(string path)
    {
        try
        {
            await using var file = File.OpenRead(path);
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            return zip.GetEntry(BackupCipher.HeaderEntry) is not null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// Opens a backup for checking: a sealed one is opened with the key <paramref name="keyFor"/> gives for its header
    /// into a plain zip in <paramref name="tempFolder"/> (deleted when the result is disposed); a plain one from an
    /// earlier version is used as it is (<see cref="OpenedBackup.WasSealed"/> false).
    /// </summary>
    public static async Task<OpenedBackup> OpenAsync(string path, Func<BackupCipher.Header, byte[]> keyFor, string tempFolder, CancellationToken ct = default)
    {
        if (!File.Exists(path)) throw new BackupException("Backup.FileMissing", [path]);
        string? plain = null;
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            if (zip.GetEntry(BackupCipher.HeaderEntry) is not { } headerEntry)
            {
                if (zip.GetEntry(ManifestEntry) is null) throw new BackupException("Backup.NotOurs");
                return new OpenedBackup(path, WasSealed: false);
            }
            // Nothing beside the sealed payload but the header and the notice: a file slipped in next to them is refused.
            if (zip.Entries.FirstOrDefault(e => e.FullName is not (BackupCipher.HeaderEntry or BackupCipher.PayloadEntry or BackupCipher.NoticeEntry)) is { } extra)
                throw new BackupException("Backup.UnexpectedPart", [extra.FullName]);
            if (headerEntry.Length > 64 << 10) throw new BackupException("Backup.NotOurs");
            var headerBytes = new byte[headerEntry.Length];
            await using (var s = headerEntry.Open()) await s.ReadExactlyAsync(headerBytes, ct);
            var header = BackupCipher.ReadHeader(headerBytes);
            var key = keyFor(header);
            var payload = zip.GetEntry(BackupCipher.PayloadEntry) ?? throw new BackupException("Backup.PartMissing", [BackupCipher.PayloadEntry]);
            Directory.CreateDirectory(tempFolder);
            plain = Path.Combine(tempFolder, $"opened-{Guid.NewGuid():N}.zip");
            await using (var input = payload.Open())
            await using (var output = new FileStream(plain, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await BackupCipher.DecryptAsync(input, output, key, header, headerBytes, ct);
            return new OpenedBackup(plain, WasSealed: true);
        }
        catch (Exception ex)
        {
            if (plain is not null) try { File.Delete(plain); } catch (IOException) { }
            if (ex is InvalidDataException or EndOfStreamException) throw new BackupException("Backup.CorruptZip", ex);
            throw;
        }
    }

    /// <summary>
    /// Opens the zip, reads its manifest and checks every part against it (present, same size and SHA-256,
    /// nothing else in the zip, no path that leaves the folder). With <paramref name="extractTo"/> the parts
    /// are written there as they are read; on any problem a <see cref="BackupException"/> says what is wrong.
    /// </summary>
    public static async Task<BackupManifest> VerifyAsync(string zipPath, string? extractTo, CancellationToken ct = default)
    {
        if (!File.Exists(zipPath)) throw new BackupException("Backup.FileMissing", [zipPath]);
        try
        {
            await using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            var manifest = ReadManifest(zip);
            var expected = manifest.Parts.ToDictionary(p => p.Path, StringComparer.Ordinal);
            if (!expected.ContainsKey(DatabaseEntry)) throw new BackupException("Backup.NotOurs");
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName == ManifestEntry) continue;
                if (!expected.Remove(entry.FullName, out var part) || !IsSafe(entry.FullName))
                    throw new BackupException("Backup.UnexpectedPart", [entry.FullName]);
                await CheckPartAsync(entry, part, extractTo, ct);
            }
            if (expected.Count > 0) throw new BackupException("Backup.PartMissing", [expected.Keys.First()]);
            return manifest;
        }
        catch (InvalidDataException ex) { throw new BackupException("Backup.CorruptZip", ex); }
        catch (EndOfStreamException ex) { throw new BackupException("Backup.CorruptZip", ex); }
    }

    private static BackupManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new BackupException("Backup.NotOurs");
        try
        {
            using var stream = entry.Open();
            var manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
            if (manifest is null || manifest.Format != BackupManifest.FormatName) throw new BackupException("Backup.NotOurs");
            if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion) throw new BackupException("Backup.NewerFormat");
            return manifest;
        }
        catch (JsonException ex) { throw new BackupException("Backup.NotOurs", ex); }
    }

    private static async Task CheckPartAsync(ZipArchiveEntry entry, BackupPart part, string? extractTo, CancellationToken ct)
    {
        FileStream? output = null;
        if (extractTo is not null)
        {
            var target = Path.GetFullPath(Path.Combine(extractTo, entry.FullName));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        }
        await using (output)
        {
            // Never more than the manifest declares (a zip that inflates to more is refused as it grows), and never a
            // part larger than any real one could be.
            if (part.Bytes is < 0 or > MaxPartBytes) throw new BackupException("Backup.HashMismatch", [entry.FullName]);
            await using var input = entry.Open();
            var (bytes, hash) = await CopyHashingAsync(input, output, ct, limit: part.Bytes);
            if (bytes != part.Bytes || hash != part.Sha256)
                throw new BackupException("Backup.HashMismatch", [entry.FullName]);
        }
    }

    /// <summary>The largest part a backup may hold (a commune's database or one scan is far smaller).</summary>
    public const long MaxPartBytes = 16L << 30;

    /// <summary>
    /// Copies while hashing; a null destination only hashes. With <paramref name="limit"/>, reading stops one byte past
    /// it (the caller then sees a size that does not match) instead of writing whatever the input inflates to.
    /// </summary>
    public static async Task<(long Bytes, string Sha256)> CopyHashingAsync(Stream input, Stream? output, CancellationToken ct, long? limit = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            if (limit is { } max && total + read > max)
            {
                read = (int)Math.Max(0, max + 1 - total);
                sha.AppendData(buffer, 0, read);
                return (total + read, "");
            }
            sha.AppendData(buffer, 0, read);
            if (output is not null) await output.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }
        return (total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Relative, forward slashes, no "..", no drive or root: a part can only land inside the data folder.</summary>
    public static bool IsSafe(string entryName) =>
        !string.IsNullOrEmpty(entryName) && !entryName.StartsWith('/') && !entryName.Contains('\\') && !entryName.Contains(':')
        && entryName.Split('/').All(s => s.Length > 0 && s != "." && s != "..");
}
