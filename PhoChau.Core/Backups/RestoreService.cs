using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Backups;

/// <summary>
/// Puts a backup back, with the portal stopped. Everything is checked before anything is touched: the zip,
/// its manifest and hashes, the database's integrity, a schema no newer than this version. Then the current
/// data is backed up, and the database and attachments are swapped in; a failure during the swap puts the
/// current data back. Newer migrations are applied by the portal's next start, after its own backup.
/// A sealed backup opens only with its passphrase (a wrong one, or an archive changed after it was written, is
/// refused before anything is touched); a plain one (an earlier version's, or one made to look like it) only when the
/// administrator names it explicitly, and it passes the same checks.
/// The scans are sealed again with this portal's own keys on the way in.
/// </summary>
public sealed class RestoreService(DataFolder data, BackupService backups, IOptions<AttachmentOptions> attachments, ILogger<RestoreService> log,
    BackupKey key, AttachmentCipher cipher, TimeProvider clock)
{
    /// <param name="allowUnsealed">An archive without the seal (an earlier version's plain backup) has no key that proves
    /// it unchanged: it is refused unless the administrator names it explicitly (restore --allow-unsealed).</param>
    public async Task<RestoreResult> RestoreAsync(string zipPath, string? passphrase = null, bool allowUnsealed = false, CancellationToken ct = default)
    {
        using var held = DataFolderLock.TryAcquire(data) ?? throw new BackupException("Restore.PortalRunning");
        TempWork.CleanAbandoned(data, holdsDataFolder: true);
        using var work = TempWork.Create(data);
        var staging = Path.Combine(work.Path, "restore");
        try
        {
            await using var opened = await BackupArchive.OpenAsync(Path.GetFullPath(zipPath), header =>
                string.IsNullOrWhiteSpace(passphrase)
                    ? throw new BackupException("Restore.PassphraseNeeded")
                    : BackupCipher.KeyFromPassphrase(header, passphrase), work.Path, ct);
            if (!opened.WasSealed && !allowUnsealed) throw new BackupException("Restore.UnsealedRefused");
            var manifest = await BackupArchive.VerifyAsync(opened.PlainZip, staging, ct);
            var stagedDb = Path.Combine(staging, BackupArchive.DatabaseEntry);
            CheckDatabase(stagedDb);
            cipher.SealDatabaseContents(stagedDb);
            await cipher.SealFilesAsync(Path.Combine(staging, "attachments"), ct);
            if (!opened.WasSealed) log.LogWarning("Restoring {Zip}: a backup in clear, named by the administrator (--allow-unsealed)", zipPath);
            // A new installation restoring its first backup goes on backing up with that backup's passphrase.
            if (opened.WasSealed && !key.IsSet) key.SetPassphrase(passphrase!, clock.GetUtcNow().UtcDateTime);

            BackupInfo? before = null;
            if (File.Exists(data.DatabasePath))
            {
                before = await backups.CreateAsync(BackupReason.BeforeRestore, ct: ct);
                SqliteConnection.ClearAllPools();
            }
            Swap(stagedDb, Path.Combine(staging, "attachments"), Path.Combine(staging, BackupArchive.PinKeyEntry));
            log.LogInformation("Đã khôi phục {Zip} (tạo lúc {Created:u}, lược đồ {Schema}). / Restored.", zipPath, manifest.CreatedAtUtc, manifest.SchemaMigration);
            return new RestoreResult(manifest, before, opened.WasSealed);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// PRAGMA integrity_check, no migration this version does not know (a backup from a newer portal), and exactly the
    /// objects the migrations make (<see cref="BackupSchema"/>): a trigger, a view or a table slipped into the file is refused.
    /// </summary>
    private static void CheckDatabase(string path)
    {
        using (var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            conn.Open();
            try
            {
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA integrity_check;";
                var result = cmd.ExecuteScalar() as string;
                if (result != "ok") throw new BackupException("Restore.IntegrityFailed", [result ?? ""]);
            }
            catch (SqliteException ex) { throw new BackupException("Restore.IntegrityFailed", [ex.Message], ex); }
        }
        // An earlier version's health probe left its table in every backup: not data, and not to be refused for.
        BackupSchema.DropLegacyProbe(path);
        string? last;
        using (var db = new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()).Options))
        {
            var newer = MigrationCheck.Unknown(db);
            if (newer.Count > 0) throw new BackupException("Restore.NewerSchema", [newer[^1]]);
            last = db.Database.GetAppliedMigrations().LastOrDefault();
        }
        if (BackupSchema.FirstForeignObject(path, last) is { } extra) throw new BackupException("Restore.SchemaDiffers", [extra]);
    }

    /// <summary>Moves the current files aside, the backup's in; puts the current ones back if any step fails.</summary>
    private void Swap(string stagedDb, string stagedAttachments, string stagedPinKey)
    {
        var aside = Path.Combine(data.TempFolder, $"replaced-{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(aside);
        var moved = new List<(string From, string To)>();
        var attachmentsRoot = attachments.Value.Root;
        var pinKey = Path.Combine(data.KeysFolder, TrackingPin.KeyFile);
        var pinKeyRestored = false;
        try
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                var file = data.DatabasePath + suffix;
                if (!File.Exists(file)) continue;
                var to = Path.Combine(aside, "db" + suffix);
                File.Move(file, to);
                moved.Add((file, to));
            }
            if (Directory.Exists(attachmentsRoot))
            {
                var to = Path.Combine(aside, "attachments");
                MoveDirectory(attachmentsRoot, to);
                moved.Add((attachmentsRoot, to));
            }
            Directory.CreateDirectory(Path.GetDirectoryName(data.DatabasePath)!);
            File.Move(stagedDb, data.DatabasePath);
            if (Directory.Exists(stagedAttachments)) MoveDirectory(stagedAttachments, attachmentsRoot);
            else Directory.CreateDirectory(attachmentsRoot);
            // The PINs in the restored database were hashed with the backup's key (a backup from before receipts has none: keep ours).
            if (File.Exists(stagedPinKey))
            {
                if (File.Exists(pinKey))
                {
                    var to = Path.Combine(aside, "pin.key");
                    File.Move(pinKey, to);
                    moved.Add((pinKey, to));
                }
                Directory.CreateDirectory(data.KeysFolder);
                File.Move(stagedPinKey, pinKey);
                pinKeyRestored = true;
            }
        }
        catch
        {
            // Put the current data back exactly as it was.
            if (File.Exists(data.DatabasePath) && moved.Any(m => m.From == data.DatabasePath)) File.Delete(data.DatabasePath);
            if (Directory.Exists(attachmentsRoot) && moved.Any(m => m.From == attachmentsRoot)) Directory.Delete(attachmentsRoot, recursive: true);
            if (pinKeyRestored) File.Delete(pinKey);
            foreach (var (from, to) in moved)
            {
                if (Directory.Exists(to)) MoveDirectory(to, from);
                else if (File.Exists(to)) File.Move(to, from);
            }
            throw;
        }
        TryDeleteDirectory(aside); // the before-restore backup holds it
    }

    private static void MoveDirectory(string from, string to)
    {
        try
        {
            Directory.Move(from, to);
        }
        catch (IOException) when (Directory.Exists(from) && !Directory.Exists(to))
        {
            // Another disk (attachments configured elsewhere): copy, then remove.
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            Directory.Delete(from, recursive: true);
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}

/// <summary>What a restore put back, and the backup of the data it replaced (null when there was none).</summary>
/// <param name="WasSealed">False for a plain backup of an earlier version (restored only when named with --allow-unsealed).</param>
public sealed record RestoreResult(BackupManifest Manifest, BackupInfo? Replaced, bool WasSealed);
