using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Backups;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Backups;

public sealed class RestoreServiceTests
{
    [Fact]
    public async Task Backup_then_more_writes_then_restore_gives_exactly_the_backed_up_rows_and_attachment_bytes()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        var kept = await BackupData.PetitionWithScanAsync(host, d.Id, "Lê Thị Hoa");
        await BackupData.PetitionWithScanAsync(host, d.Id, "Phạm Văn Đức");
        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        var dumpAtBackup = BackupData.Dump(host.DatabasePath);
        var filesAtBackup = BackupData.Files(host);
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        // More work after the backup: a new petition with a scan, and a change to a backed-up one.
        await BackupData.PetitionWithScanAsync(host, d.Id, "Võ Văn Mới");
        var input = WorkflowData.Input(d.Id, "Lê Thị Hoa (đã sửa)");
        var current = await WorkflowData.ReloadAsync(host, kept);
        await host.Get<PetitionService>().UpdateAsync(CoreTestHost.Secretary, kept, current.Version, input);
        Assert.NotEqual(dumpAtBackup, BackupData.Dump(host.DatabasePath));

        var result = await host.Get<RestoreService>().RestoreAsync(backup.FullPath, CoreTestHost.BackupPassphrase);

        Assert.Equal(dumpAtBackup, BackupData.Dump(host.DatabasePath));
        Assert.Equal(filesAtBackup, BackupData.Files(host));
        Assert.Equal(2, result.Manifest.Counts["Petitions"]);
        // The data it replaced was kept as a backup first.
        Assert.NotNull(result.Replaced);
        Assert.Equal(BackupReason.BeforeRestore, result.Replaced!.Reason);
        // And the restored database is the portal's again: its services read and write it.
        Assert.Equal(2, await BackupData.CountAsync(host));
        await WorkflowData.PetitionAsync(host, d.Id, "Sau khôi phục");
        Assert.Equal(3, await BackupData.CountAsync(host));
    }

    [Fact]
    public async Task The_receipts_PIN_key_travels_with_the_backup_so_printed_PINs_still_open_the_lookup_after_a_restore()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var keyFile = Path.Combine(host.Get<DataFolder>().KeysFolder, PhoChau.Core.Petitions.TrackingPin.KeyFile);
        var key = await File.ReadAllBytesAsync(keyFile);
        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        using (var zip = ZipFile.OpenRead(BackupData.Plain(backup.FullPath)))
            Assert.NotNull(zip.GetEntry(BackupArchive.PinKeyEntry));

        await File.WriteAllBytesAsync(keyFile, RandomNumberGenerator.GetBytes(32)); // a new machine: another key
        await host.Get<RestoreService>().RestoreAsync(backup.FullPath, CoreTestHost.BackupPassphrase);

        Assert.Equal(key, await File.ReadAllBytesAsync(keyFile));
        var fresh = new PhoChau.Core.Petitions.TrackingPin(host.Get<DataFolder>()); // what the restarted portal loads
        var stored = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.True(fresh.Verify(d.Id, p.Code, p.IssuedPin!, stored.PinHash));
    }

    [Fact]
    public async Task The_backup_made_before_a_restore_can_itself_be_restored()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await BackupData.PetitionWithScanAsync(host, d.Id, "Võ Văn Mới");
        var dumpBefore = BackupData.Dump(host.DatabasePath);
        var filesBefore = BackupData.Files(host);

        var first = await host.Get<RestoreService>().RestoreAsync(backup.FullPath, CoreTestHost.BackupPassphrase);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Get<RestoreService>().RestoreAsync(first.Replaced!.FullPath, CoreTestHost.BackupPassphrase);

        Assert.Equal(dumpBefore, BackupData.Dump(host.DatabasePath));
        Assert.Equal(filesBefore, BackupData.Files(host));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "random", "bị hỏng" },
        { "truncated", "bị hỏng" },
        { "other-program", "không phải bản sao lưu" },
        { "hash-mismatch", "SHA-256" },
        { "extra-part", "tệp lạ" },
        { "missing-part", "thiếu tệp" },
        { "path-traversal", "tệp lạ" },
        { "damaged-database", "bị hỏng" },
        { "newer-schema", "mới hơn" },
        { "trigger-added", "trigger leak_pins" },
        { "view-added", "view all_people" },
        { "sqlite-trigger", "trigger sqlite_purge" },
        { "table-changed", "table Petitions" },
        { "inflates", "SHA-256" },
        { "missing-file", "Không tìm thấy tệp sao lưu" },
        { "sealed-byte-flipped", "đã bị thay đổi" },
        { "sealed-chunk-dropped", "đã bị thay đổi" },
        { "sealed-cut-at-chunk", "đã bị thay đổi" },
        { "sealed-header-edited", "đã bị thay đổi" },
        { "sealed-extra-entry", "tệp lạ" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_backup_is_refused_with_a_clear_message_and_the_current_data_and_earlier_backups_stay_untouched(string kind, string message)
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        await BackupData.PetitionWithScanAsync(host, d.Id, "Lê Thị Hoa", 3 << 20); // a payload of several chunks
        var good = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        var goodHash = BackupData.Hash(good.FullPath);
        await BackupData.PetitionWithScanAsync(host, d.Id, "Võ Văn Mới");
        var dump = BackupData.Dump(host.DatabasePath);
        var files = BackupData.Files(host);
        var bad = MakeBad(kind, good.FullPath, host.DataRoot);

        // Plain ones named as the administrator would name an earlier version's (--allow-unsealed): the checks inside still refuse.
        var ex = await Assert.ThrowsAsync<BackupException>(() => host.Get<RestoreService>().RestoreAsync(bad, CoreTestHost.BackupPassphrase, allowUnsealed: true));

        Assert.Contains(message, ex.Message);
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
        Assert.Equal(files, BackupData.Files(host));
        Assert.Equal(goodHash, BackupData.Hash(good.FullPath));
        Assert.Equal([good.FileName], host.Get<BackupService>().List().Select(b => b.FileName));
        Assert.False(Directory.Exists(Path.Combine(host.DataRoot, "tmp")) && Directory.EnumerateFileSystemEntries(Path.Combine(host.DataRoot, "tmp")).Any(),
            "no staging files are left behind");
    }

    [Fact]
    public async Task A_restore_aimed_at_a_running_portal_is_refused_and_changes_nothing()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        await WorkflowData.PetitionAsync(host, d.Id);
        var dump = BackupData.Dump(host.DatabasePath);

        using (DataFolderLock.TryAcquire(host.Get<DataFolder>())) // what a running portal holds
        {
            var ex = await Assert.ThrowsAsync<BackupException>(() => host.Get<RestoreService>().RestoreAsync(backup.FullPath, CoreTestHost.BackupPassphrase));
            Assert.Contains("đang chạy", ex.Message);
        }
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
        Assert.Single(host.Get<BackupService>().List());
    }

    private static string MakeBad(string kind, string sealedGood, string dir)
    {
        var path = Path.Combine(dir, kind + ".zip");
        // The checks inside a backup are tested on its plain zip: what an earlier version wrote, and what a forgery
        // would have to produce past the seal (the sealed cases are the ones below marked "sealed").
        var good = kind.StartsWith("sealed-", StringComparison.Ordinal) || kind is "random" or "truncated" or "missing-file"
            ? sealedGood : BackupData.Plain(sealedGood);
        switch (kind)
        {
            case "random":
                File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(5000));
                return path;
            case "truncated":
                var bytes = File.ReadAllBytes(good);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                return path;
            case "other-program":
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                {
                    using (var w = new StreamWriter(zip.CreateEntry("manifest.json").Open())) w.Write("{\"name\":\"photos\",\"version\":3}");
                    using (var w = new StreamWriter(zip.CreateEntry("phochau.db").Open())) w.Write("not a database");
                }
                return path;
            case "hash-mismatch":
                return BackupData.CopyWithEdit(good, "phochau.db", b => { b[^100] ^= 0xFF; return b; });
            case "damaged-database":
            {
                // A database whose pages are damaged but whose manifest was rewritten to match: the integrity check refuses it.
                var db = BackupData.ExtractDatabase(good);
                var raw = File.ReadAllBytes(db);
                for (var i = 4096 * 2; i < Math.Min(raw.Length, 4096 * 6); i++) raw[i] = 0x5A;
                return Rezip(good, path, raw);
            }
            case "newer-schema":
            {
                var db = BackupData.ExtractDatabase(good);
                using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
                {
                    conn.Open();
                    using var cmd = conn.CreateCommand();
                    cmd.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0')";
                    cmd.ExecuteNonQuery();
                }
                return Rezip(good, path, File.ReadAllBytes(db));
            }
            case "trigger-added":
            case "view-added":
            {
                // An object slipped into the database, with a manifest rewritten to match: the schema check refuses it.
                var db = BackupData.ExtractDatabase(good);
                using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
                {
                    conn.Open();
                    using var cmd = conn.CreateCommand();
                    cmd.CommandText = kind == "trigger-added"
                        ? "CREATE TRIGGER leak_pins AFTER UPDATE ON Petitions BEGIN SELECT 1; END;"
                        : "CREATE VIEW all_people AS SELECT PetitionerName, Phone FROM Petitions;";
                    cmd.ExecuteNonQuery();
                }
                return Rezip(good, path, File.ReadAllBytes(db));
            }
            case "sqlite-trigger":
            case "table-changed":
            {
                // Written straight into sqlite_master (writable_schema): a trigger under a name SQLite reserves, which a
                // check that skips "sqlite_%" names let through and which then ran in the restored portal; or a
                // table's definition changed under its own name.
                var db = BackupData.ExtractDatabase(good);
                using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
                {
                    conn.Open();
                    using var cmd = conn.CreateCommand();
                    cmd.CommandText = kind == "sqlite-trigger"
                        ? "PRAGMA writable_schema = ON; INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'sqlite_purge', 'Petitions', 0, " +
                          "'CREATE TRIGGER sqlite_purge AFTER UPDATE ON Petitions BEGIN DELETE FROM AuditEntries; END'); PRAGMA writable_schema = OFF;"
                        : "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = substr(sql, 1, length(sql) - 1) || ', CHECK (length(hex(randomblob(1))) > 0))' " +
                          "WHERE name = 'Petitions'; PRAGMA writable_schema = OFF;";
                    cmd.ExecuteNonQuery();
                }
                SqliteConnection.ClearAllPools();
                return Rezip(good, path, File.ReadAllBytes(db));
            }
            case "inflates":
            {
                // The manifest says the database is 1 KB; the entry inflates to far more: extraction stops at the declared size.
                var raw = File.ReadAllBytes(BackupData.ExtractDatabase(good));
                Rezip(good, path, raw);
                var forged = Path.Combine(dir, "inflates-forged.zip");
                using (var source = ZipFile.OpenRead(path))
                using (var target = ZipFile.Open(forged, ZipArchiveMode.Create))
                {
                    var manifest = System.Text.Json.JsonSerializer.Deserialize<BackupManifest>(source.GetEntry("manifest.json")!.Open(), BackupArchive.Json)!;
                    var parts = manifest.Parts.Select(p => p.Path == "phochau.db" ? p with { Bytes = 1024 } : p).ToList();
                    foreach (var e in source.Entries.Where(e => e.FullName != "manifest.json"))
                    {
                        using var input = e.Open();
                        using var output = target.CreateEntry(e.FullName).Open();
                        input.CopyTo(output);
                    }
                    using var m = target.CreateEntry("manifest.json").Open();
                    System.Text.Json.JsonSerializer.Serialize(m, manifest with { Parts = parts }, BackupArchive.Json);
                }
                return forged;
            }
            case "extra-part":
                File.Copy(good, path);
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
                using (var w = new StreamWriter(zip.CreateEntry("attachments/1/khong-co.pdf").Open())) w.Write("x");
                return path;
            case "path-traversal":
                File.Copy(good, path);
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
                using (var w = new StreamWriter(zip.CreateEntry("../../evil.txt").Open())) w.Write("x");
                return path;
            case "missing-part":
                File.Copy(good, path);
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
                    zip.Entries.First(e => e.FullName.StartsWith("attachments/")).Delete();
                return path;
            case "missing-file":
                return Path.Combine(dir, "khong-ton-tai.zip");
            case "sealed-byte-flipped":
                return BackupData.CopyEntry(good, path, BackupCipher.PayloadEntry, b => { b[b.Length / 2] ^= 0x01; return b; });
            case "sealed-chunk-dropped":
                // A whole chunk cut out of a payload of several (the scan is larger than one chunk).
                return BackupData.CopyEntry(good, path, BackupCipher.PayloadEntry, b => [.. b[..(BackupCipher.ChunkBytes + 16)], .. b[(2 * (BackupCipher.ChunkBytes + 16))..]]);
            case "sealed-cut-at-chunk":
                return BackupData.CopyEntry(good, path, BackupCipher.PayloadEntry, b => b[..(BackupCipher.ChunkBytes + 16)]);
            case "sealed-header-edited":
                return BackupData.CopyEntry(good, path, BackupCipher.HeaderEntry,
                    b => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(b).Replace("\"Reason\": \"Manual\"", "\"Reason\": \"Daily\"")));
            case "sealed-extra-entry":
                File.Copy(good, path);
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
                using (var w = new StreamWriter(zip.CreateEntry("phochau.db").Open())) w.Write("x");
                return path;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>The same backup with another database, and a manifest whose hash matches it (a forged but consistent zip).</summary>
    internal static string Rezip(string good, string path, byte[] database)
    {
        using var source = ZipFile.OpenRead(good);
        var manifest = System.Text.Json.JsonSerializer.Deserialize<BackupManifest>(source.GetEntry("manifest.json")!.Open(), BackupArchive.Json)!;
        var parts = manifest.Parts.Select(p => p.Path == "phochau.db"
            ? new BackupPart(p.Path, database.Length, Convert.ToHexStringLower(SHA256.HashData(database))) : p).ToList();
        using var target = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var e in source.Entries.Where(e => e.FullName is not ("manifest.json" or "phochau.db")))
        {
            using var input = e.Open();
            using var output = target.CreateEntry(e.FullName).Open();
            input.CopyTo(output);
        }
        using (var output = target.CreateEntry("phochau.db").Open()) output.Write(database);
        using (var output = target.CreateEntry("manifest.json").Open())
            System.Text.Json.JsonSerializer.Serialize(output, manifest with { Parts = parts }, BackupArchive.Json);
        return path;
    }
}
