using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Backups;

/// <summary>
/// Consistent online backups while the portal runs: the database is copied with VACUUM INTO (a read
/// transaction, so writers go on and the copy is one moment of the database, never a copy of a live file),
/// then zipped with exactly the attachments that copy records and a manifest of hashes, and that zip is sealed with
/// the backup passphrase's key (<see cref="BackupCipher"/>): no backup is written in clear. The archive is written
/// under a temporary name, read back and checked, and only then given its name; a failure leaves the
/// current data and every earlier backup as they were.
/// </summary>
public sealed partial class BackupService(
    IDbContextFactory<PhoChauDbContext> dbFactory, DataFolder data, IOptions<BackupOptions> options,
    IOptions<AttachmentOptions> attachments, TimeProvider clock, ILogger<BackupService> log, DatabaseInfo database,
    BackupKey key, AttachmentCipher cipher)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Test seam: opens the zip being written (a test makes it fail like a full disk or a pulled USB stick).</summary>
    internal Func<string, Stream> OpenWrite { get; set; } =
        path => new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);

    /// <summary>The last backup that failed, until one succeeds: the page and the dashboard show why.</summary>
    public BackupFailure? LastFailure { get; private set; }

    public string Folder => string.IsNullOrWhiteSpace(options.Value.Folder) ? data.DefaultBackupFolder : Path.GetFullPath(options.Value.Folder);

    public static string PortalVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>Makes one backup; backups are made one at a time.</summary>
    public async Task<BackupInfo> CreateAsync(BackupReason reason, string? folder = null, IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        if (!database.IsSqlite) throw new BackupException("Backup.NotOnPostgres");
        await _gate.WaitAsync(ct);
        try
        {
            var info = await CreateCoreAsync(reason, string.IsNullOrWhiteSpace(folder) ? Folder : Path.GetFullPath(folder), progress, ct);
            LastFailure = null;
            return info;
        }
        catch (BackupException ex)
        {
            LastFailure = new BackupFailure(clock.GetUtcNow().UtcDateTime, ex.Message);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<BackupInfo> CreateCoreAsync(BackupReason reason, string folder, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        try { Directory.CreateDirectory(folder); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException("Backup.FolderUnwritable", [folder, ex.Message], ex);
        }

        // No passphrase, no backup: a backup in clear on a USB stick is the leak it exists to prevent.
        var (masterKey, salt, rounds) = key.Current();
        var now = clock.GetUtcNow().UtcDateTime;
        var name = UniqueName(folder, now, reason);
        var final = Path.Combine(folder, name);
        var partial = final + ".partial";
        try
        {
            // The decrypted copy lives in a work folder of its own: removed at the end, or by the next start if killed.
            TempWork.CleanAbandoned(data, holdsDataFolder: false);
            using var work = TempWork.Create(data);
            var snapshot = Path.Combine(work.Path, "snapshot.db");
            progress?.Report(new BackupProgress("Backup.Step.Database", 0));
            await SnapshotAsync(snapshot, ct);
            BackupSchema.DropLegacyProbe(snapshot); // an earlier version's probe table: no backup carries it
            cipher.UnsealDatabaseContents(snapshot);
            var (manifest, files) = ReadSnapshot(snapshot, reason, now);

            progress?.Report(new BackupProgress("Backup.Step.Writing", 0.1));
            var (header, headerBytes) = BackupCipher.NewHeader(masterKey, salt, rounds, PortalVersion, now, reason);
            await WriteArchiveAsync(partial, header, headerBytes, masterKey, snapshot, manifest, files, progress, ct);

            progress?.Report(new BackupProgress("Backup.Step.Checking", 0.9));
            await using (var opened = await BackupArchive.OpenAsync(partial, _ => masterKey, work.Path, ct))
                await BackupArchive.VerifyAsync(opened.PlainZip, extractTo: null, ct);
            File.Move(partial, final);
            progress?.Report(new BackupProgress("Backup.Step.Done", 1));
            log.LogInformation("Đã ghi bản sao lưu {File} ({Reason}, {Bytes} byte). / Backup written.", final, reason, new FileInfo(final).Length);
        }
        catch (Exception ex)
        {
            TryDelete(partial);
            if (ex is OperationCanceledException or BackupException) throw;
            if (ex is IOException or UnauthorizedAccessException or SqliteException)
                throw Failures.IsDiskFull(ex)
                    ? new BackupException("Backup.DiskFull", [folder], ex)
                    : new BackupException("Backup.WriteFailed", [folder, ex.Message], ex);
            throw;
        }
        Prune(folder);
        var info = new FileInfo(final);
        return new BackupInfo(name, final, info.Length, now, reason);
    }

    /// <summary>VACUUM INTO: one consistent moment of the database, taken inside a read transaction.</summary>
    private async Task SnapshotAsync(string snapshot, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "VACUUM INTO $path;";
        var p = cmd.CreateParameter();
        p.ParameterName = "$path";
        p.Value = snapshot;
        cmd.Parameters.Add(p);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Counts, schema and the attachments recorded in the snapshot (not in the live database).</summary>
    private (BackupManifest Manifest, List<(string Entry, string File)> Files) ReadSnapshot(string snapshot, BackupReason reason, DateTime now)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        conn.Open();
        var counts = new Dictionary<string, long>();
        foreach (var table in CountedTables)
            counts[table] = Scalar<long>(conn, $"SELECT COUNT(*) FROM \"{table}\"");
        var migration = Scalar<string>(conn, "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId DESC LIMIT 1") ?? "";

        var files = new List<(string, string)>();
        var missing = new List<string>();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT StoragePath FROM PetitionAttachments ORDER BY Id";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var relative = reader.GetString(0).Replace('\\', '/');
                if (AttachmentService.IsInDatabase(relative)) continue; // inside the database copy already
                var path = Path.Combine(attachments.Value.Root, relative);
                if (File.Exists(path)) files.Add((BackupArchive.AttachmentsPrefix + relative, path));
                else missing.Add(relative);
            }
        }
        var pinKey = Path.Combine(data.KeysFolder, TrackingPin.KeyFile);
        if (File.Exists(pinKey)) files.Add((BackupArchive.PinKeyEntry, pinKey));
        if (missing.Count > 0) log.LogWarning("Sao lưu: thiếu {Count} tệp đính kèm trên đĩa. / Backup: attachment files missing on disk.", missing.Count);
        var manifest = new BackupManifest
        {
            PortalVersion = PortalVersion, CreatedAtUtc = now, Reason = reason, SchemaMigration = migration,
            Counts = counts, MissingAttachments = missing,
        };
        return (manifest, files);
    }

    /// <summary>The tables whose row counts a manifest records.</summary>
    public static readonly string[] CountedTables =
        ["Dialogues", "Petitions", "Speakers", "PetitionAttachments", "AspNetUsers", "Departments", "Villages", "AuditEntries"];

    private static T? Scalar<T>(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>The sealed archive: a notice and the header in clear (no personal data), the plain backup zip sealed inside.</summary>
    private async Task WriteArchiveAsync(string partial, BackupCipher.Header header, byte[] headerBytes, byte[] masterKey, string snapshot,
        BackupManifest manifest, List<(string Entry, string File)> files, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        await using var output = OpenWrite(partial);
        using (var outer = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteEntryAsync(outer, BackupCipher.NoticeEntry, BackupCipher.NoticeBytes, ct);
            await WriteEntryAsync(outer, BackupCipher.HeaderEntry, headerBytes, ct);
            // Sealed bytes do not compress: the inner zip compresses, the payload is stored as it is.
            await using var payload = outer.CreateEntry(BackupCipher.PayloadEntry, CompressionLevel.NoCompression).Open();
            await using var sealing = BackupCipher.Encrypt(payload, masterKey, header, headerBytes);
            await WriteZipAsync(sealing, snapshot, manifest, files, progress, ct);
        }
        await output.FlushAsync(ct);
        // On a USB stick the bytes must be on the stick before the file gets its name.
        if (output is FileStream fs) fs.Flush(flushToDisk: true);
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken ct)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        await stream.WriteAsync(bytes, ct);
    }

    private async Task WriteZipAsync(Stream output, string snapshot, BackupManifest manifest, List<(string Entry, string File)> files,
        IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // The database compresses well; scans and photos are compressed already and are stored as they are.
        manifest.Parts.Add(await AddFileAsync(zip, BackupArchive.DatabaseEntry, snapshot, CompressionLevel.Fastest, ct));
        for (var i = 0; i < files.Count; i++)
        {
            manifest.Parts.Add(await AddFileAsync(zip, files[i].Entry, files[i].File, CompressionLevel.NoCompression, ct,
                // Scans are kept sealed at rest; inside the sealed backup they travel plain, so any portal can restore them.
                files[i].Entry.StartsWith(BackupArchive.AttachmentsPrefix, StringComparison.Ordinal) ? cipher : null));
            // A backup runs beside the people at work: a pause between scans leaves the laptop's cores to their pages.
            await Task.Delay(2, ct);
            if (i % 20 == 0) progress?.Report(new BackupProgress("Backup.Step.Writing", 0.1 + 0.8 * (i + 1) / files.Count));
        }
        var entry = zip.CreateEntry(BackupArchive.ManifestEntry, CompressionLevel.Fastest);
        await using var stream = entry.Open();
        await JsonSerializer.SerializeAsync(stream, manifest, BackupArchive.Json, ct);
    }

    private static async Task<BackupPart> AddFileAsync(ZipArchive zip, string entryName, string path, CompressionLevel level, CancellationToken ct,
        AttachmentCipher? sealedAtRest = null)
    {
        var entry = zip.CreateEntry(entryName, level);
        entry.LastWriteTime = File.GetLastWriteTime(path);
        await using var input = sealedAtRest is null
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true)
            : await sealedAtRest.OpenFileAsync(path, ct);
        await using var target = entry.Open();
        var (bytes, hash) = await BackupArchive.CopyHashingAsync(input, target, ct);
        return new BackupPart(entryName, bytes, hash);
    }

    /// <summary>The backups in a folder, newest first.</summary>
    public IReadOnlyList<BackupInfo> List(string? folder = null)
    {
        var dir = string.IsNullOrWhiteSpace(folder) ? Folder : folder;
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "phochau-*.zip")
            .Select(path => Parse(path))
            .OfType<BackupInfo>()
            .OrderByDescending(b => b.CreatedAtUtc).ThenByDescending(b => b.FileName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>When the newest backup was made, or null when there is none.</summary>
    public DateTime? LastBackupUtc() => List().FirstOrDefault()?.CreatedAtUtc;

    /// <summary>
    /// When this installation's data began: its first audit entry (the first start seeds the administrator). The first
    /// daily backup and the dashboard's "no recent backup" count from it, so a new installation raises no alarm.
    /// </summary>
    public async Task<DateTime?> SinceUtcAsync(CancellationToken ct = default)
    {
        if (_since is { } known) return known;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return _since = await db.AuditEntries.AsNoTracking().MinAsync(a => (DateTime?)a.AtUtc, ct);
    }

    private DateTime? _since;

    /// <summary>Opens a listed backup for download; any other name (a path, a file that is not a backup) is not found.</summary>
    public Stream OpenRead(string fileName)
    {
        if (!NamePattern().IsMatch(fileName)) throw new NotFoundException(CoreText.Get("Backup.NotFound"));
        var path = Path.Combine(Folder, fileName);
        if (!File.Exists(path)) throw new NotFoundException(CoreText.Get("Backup.NotFound"));
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
    }

    /// <summary>Keeps the newest <see cref="BackupOptions.Keep"/>; a failure to delete an old one never fails the new backup.</summary>
    private void Prune(string folder)
    {
        foreach (var old in List(folder).Skip(Math.Max(1, options.Value.Keep)))
        {
            try { File.Delete(old.FullPath); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log.LogWarning("Không xóa được bản sao lưu cũ {File}: {Reason} / Could not delete an old backup.", old.FileName, ex.Message);
            }
        }
    }

    private static string UniqueName(string folder, DateTime nowUtc, BackupReason reason)
    {
        var local = nowUtc.Add(VietnamTime.Offset);
        var stem = $"phochau-{local:yyyyMMdd-HHmmss}-{Slug(reason)}";
        var name = stem + ".zip";
        for (var i = 2; File.Exists(Path.Combine(folder, name)) || File.Exists(Path.Combine(folder, name + ".partial")); i++)
            name = $"{stem}-{i}.zip";
        return name;
    }

    private static string Slug(BackupReason reason) => reason switch
    {
        BackupReason.Manual => "thu-cong",
        BackupReason.Daily => "hang-ngay",
        BackupReason.BeforeMigration => "truoc-nang-cap",
        BackupReason.BeforeRestore => "truoc-khoi-phuc",
        BackupReason.CommandLine => "dong-lenh",
        _ => "khac",
    };

    private static BackupInfo? Parse(string path)
    {
        var name = Path.GetFileName(path);
        var m = NamePattern().Match(name);
        if (!m.Success) return null;
        var local = DateTime.ParseExact(m.Groups["stamp"].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        BackupReason? reason = Enum.GetValues<BackupReason>().Where(r => Slug(r) == m.Groups["reason"].Value).Select(r => (BackupReason?)r).FirstOrDefault();
        var size = new FileInfo(path).Length;
        return new BackupInfo(name, path, size, DateTime.SpecifyKind(local - VietnamTime.Offset, DateTimeKind.Utc), reason);
    }

    [GeneratedRegex(@"^phochau-(?<stamp>\d{8}-\d{6})-(?<reason>[a-z-]+?)(-\d+)?\.zip$")]
    private static partial Regex NamePattern();

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
