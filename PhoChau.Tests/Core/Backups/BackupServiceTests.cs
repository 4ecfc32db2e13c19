using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PhoChau.Core.Backups;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Core.Backups;

public sealed class BackupServiceTests
{
    [Fact]
    public async Task A_backup_taken_while_two_writers_save_passes_the_integrity_check_and_holds_every_write_acknowledged_before_it()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        var acknowledged = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        async Task WriterAsync(string who)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
                acknowledged.Enqueue((await WorkflowData.PetitionAsync(host, d.Id, $"{who} Văn Số {i}")).Id);
        }
        var writers = new[] { Task.Run(() => WriterAsync("Nguyễn")), Task.Run(() => WriterAsync("Trần")) };
        while (acknowledged.Count < 40) await Task.Delay(10);

        var before = acknowledged.ToArray();
        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        var countAfterBackup = acknowledged.Count;
        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(countAfterBackup > before.Length, "the writers went on saving while the backup ran");
        var db = BackupData.ExtractDatabase(backup.FullPath);
        await using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        await conn.OpenAsync();
        await using var check = conn.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        check.CommandText = "SELECT Id FROM Petitions";
        var inBackup = new HashSet<int>();
        await using (var reader = await check.ExecuteReaderAsync())
            while (await reader.ReadAsync()) inBackup.Add(reader.GetInt32(0));
        Assert.All(before, id => Assert.Contains(id, inBackup));
    }

    [Fact]
    public async Task The_manifest_names_the_version_the_schema_the_counts_and_the_hash_of_every_part()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        await BackupData.PetitionWithScanAsync(host, d.Id, "Lê Thị Hoa");
        await BackupData.PetitionWithScanAsync(host, d.Id, "Phạm Văn Đức");

        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);

        Assert.Matches(@"^phochau-\d{8}-\d{6}-thu-cong\.zip$", backup.FileName);
        using var zip = ZipFile.OpenRead(BackupData.Plain(backup.FullPath));
        var manifest = JsonSerializer.Deserialize<BackupManifest>(zip.GetEntry("manifest.json")!.Open(), BackupArchive.Json)!;
        Assert.Equal("phochau-backup", manifest.Format);
        Assert.False(string.IsNullOrEmpty(manifest.PortalVersion));
        await using (var db = host.NewDb())
            Assert.Equal((await db.Database.GetAppliedMigrationsAsync()).Last(), manifest.SchemaMigration);
        Assert.Equal(2, manifest.Counts["Petitions"]);
        Assert.Equal(2, manifest.Counts["PetitionAttachments"]);
        Assert.Equal(4, manifest.Parts.Count); // the database, two scans and the receipts' PIN key
        Assert.Contains(manifest.Parts, p => p.Path == BackupArchive.PinKeyEntry);
        foreach (var part in manifest.Parts)
        {
            await using var s = zip.GetEntry(part.Path)!.Open();
            var (bytes, sha) = await BackupArchive.CopyHashingAsync(s, null, default);
            Assert.Equal((part.Bytes, part.Sha256), (bytes, sha));
        }
        var scans = manifest.Parts.Where(p => p.Path.StartsWith("attachments/")).Select(p => p.Sha256).Order().ToList();
        Assert.Equal(BackupData.Files(host).Values.Order().ToList(), scans);
    }

    [Fact]
    public async Task Only_the_newest_backups_are_kept_by_the_retention()
    {
        await using var host = (await CoreTestHost.StartAsync(configure: s => s.Configure<BackupOptions>(o => o.Keep = 3))).UseBackupPassphrase();
        var service = host.Get<BackupService>();
        var made = new List<BackupInfo>();
        for (var i = 0; i < 5; i++)
        {
            made.Add(await service.CreateAsync(BackupReason.Manual));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var kept = service.List().Select(b => b.FileName).ToList();
        Assert.Equal(made.Skip(2).Reverse().Select(b => b.FileName), kept);
        Assert.All(made.Take(2), b => Assert.False(File.Exists(b.FullPath)));
    }

    [Fact]
    public async Task A_full_backup_folder_gives_a_clear_message_and_leaves_the_data_and_earlier_backups_untouched()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        await BackupData.PetitionWithScanAsync(host, d.Id, "Lê Thị Hoa", 200_000);
        var service = host.Get<BackupService>();
        var earlier = await service.CreateAsync(BackupReason.Manual);
        var earlierHash = BackupData.Hash(earlier.FullPath);
        var dump = BackupData.Dump(host.DatabasePath);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        service.OpenWrite = path => new FailingStream(File.Create(path), 50_000, FailingStream.DiskFull());
        var ex = await Assert.ThrowsAsync<BackupException>(() => service.CreateAsync(BackupReason.Manual));

        Assert.Contains("đã đầy", ex.Message);
        Assert.Equal(earlierHash, BackupData.Hash(earlier.FullPath));
        Assert.Equal([earlier.FileName], service.List().Select(b => b.FileName));
        Assert.Empty(Directory.GetFiles(service.Folder, "*.partial"));
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
        Assert.Equal(ex.Message, service.LastFailure?.Message);
    }

    [Fact]
    public async Task A_usb_stick_pulled_out_in_the_middle_gives_a_clear_message_and_no_backup_is_listed()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        await BackupData.PetitionWithScanAsync(host, d.Id, "Lê Thị Hoa", 200_000);
        var usb = Path.Combine(host.DataRoot, "usb");
        var service = host.Get<BackupService>();
        var earlier = await service.CreateAsync(BackupReason.Manual, usb);
        var earlierHash = BackupData.Hash(earlier.FullPath);
        var dump = BackupData.Dump(host.DatabasePath);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        service.OpenWrite = path => new FailingStream(File.Create(path), 80_000, FailingStream.DeviceGone());
        var ex = await Assert.ThrowsAsync<BackupException>(() => service.CreateAsync(BackupReason.Manual, usb));

        Assert.Contains("Không ghi được bản sao lưu", ex.Message);
        Assert.Contains("không bị ảnh hưởng", ex.Message);
        Assert.Equal(earlierHash, BackupData.Hash(earlier.FullPath));
        Assert.Equal([earlier.FileName], service.List(usb).Select(b => b.FileName));
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
    }

    [Fact]
    public async Task A_read_only_backup_folder_gives_a_clear_message_and_changes_nothing()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var service = host.Get<BackupService>();
        var dump = BackupData.Dump(host.DatabasePath);
        // Root ignores file modes, so the folder's refusal is what the operating system would answer.
        service.OpenWrite = _ => throw new UnauthorizedAccessException("Access to the path is denied.");

        var ex = await Assert.ThrowsAsync<BackupException>(() => service.CreateAsync(BackupReason.Manual));

        Assert.Contains("Không ghi được bản sao lưu", ex.Message);
        Assert.Contains("denied", ex.Message);
        Assert.Empty(service.List());
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
    }

    [Fact]
    public async Task A_backup_folder_that_cannot_be_created_is_refused_with_its_path()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var file = Path.Combine(host.DataRoot, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var folder = Path.Combine(file, "backups"); // even root cannot make a folder inside a file

        var ex = await Assert.ThrowsAsync<BackupException>(() => host.Get<BackupService>().CreateAsync(BackupReason.Manual, folder));

        Assert.Contains("Không ghi được vào thư mục sao lưu", ex.Message);
        Assert.Contains(folder, ex.Message);
    }

    [Fact]
    public async Task A_name_that_is_not_a_listed_backup_cannot_be_downloaded()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var service = host.Get<BackupService>();
        var b = await service.CreateAsync(BackupReason.Manual);
        await using (service.OpenRead(b.FileName)) { }
        foreach (var name in new[] { "../test.db", "..%2Ftest.db", "test.db", "phochau-20260101-000000-thu-cong.zip", "/etc/passwd", "" })
            Assert.Throws<PhoChau.Core.Common.NotFoundException>(() => service.OpenRead(name));
    }

    [Fact]
    public async Task A_database_at_an_older_migration_is_backed_up_before_the_newer_migrations_run()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-premigration").FullName;
        var dbPath = Path.Combine(dir, "old.db");
        var services = new ServiceCollection().AddLogging();
        services.AddPhoChauDatabase($"Data Source={dbPath}", dir);
        await using (var sp = services.BuildServiceProvider())
        await using (var db = sp.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContext())
        {
            var all = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Villages (Name, IsActive, SortOrder) VALUES ('Thôn Cũ', 1, 1)");
        }
        SqliteConnection.ClearAllPools();

        await using var host = await CoreTestHost.StartAtAsync(dir, dbPath);

        var backup = Assert.Single(host.Get<BackupService>().List());
        Assert.Equal(BackupReason.BeforeMigration, backup.Reason);
        using var zip = ZipFile.OpenRead(BackupData.Plain(backup.FullPath));
        var manifest = JsonSerializer.Deserialize<BackupManifest>(zip.GetEntry("manifest.json")!.Open(), BackupArchive.Json)!;
        await using var now = host.NewDb();
        var migrations = now.Database.GetMigrations().ToList();
        Assert.Equal(migrations[^2], manifest.SchemaMigration);
        Assert.Equal(migrations[^1], (await now.Database.GetAppliedMigrationsAsync()).Last());
        Assert.Equal(1, manifest.Counts["Villages"]);
    }

    [Fact]
    public async Task A_new_database_is_migrated_without_a_backup()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        Assert.Empty(host.Get<BackupService>().List());
    }

    [Fact]
    public async Task A_database_from_a_newer_portal_is_refused_before_anything_is_changed()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        await using (var db = host.NewDb())
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        var dump = BackupData.Dump(host.DatabasePath);

        var ex = await Assert.ThrowsAsync<NewerDatabaseException>(() => host.Get<DatabaseInitializer>().InitializeAsync(new SeedOptions()));

        Assert.Equal("29991231000000_FromTheFuture", ex.Migration);
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
    }

    [Theory]
    [InlineData("2026-11-26T04:00:00Z", null, true)]                   // never backed up
    [InlineData("2026-11-26T04:59:00Z", "2026-11-25T05:00:00Z", false)] // 11:59 in Vietnam: yesterday's noon backup still counts
    [InlineData("2026-11-26T05:01:00Z", "2026-11-25T05:00:00Z", true)]  // 12:01: today's is due
    [InlineData("2026-11-26T05:01:00Z", "2026-11-26T05:00:30Z", false)] // made at 12:00:30
    [InlineData("2026-11-27T01:00:00Z", "2026-11-24T05:00:00Z", true)]  // the laptop was off: due at start
    public void The_daily_backup_is_due_once_the_hour_has_passed_since_the_last_one(string now, string? last, bool due) =>
        Assert.Equal(due, BackupSchedule.IsDue(DateTime.Parse(now).ToUniversalTime(), last is null ? null : DateTime.Parse(last).ToUniversalTime(), 12));

    /// <summary>Issue 33.8: a new installation's first backup is due at the first backup hour after it was set up, not at once.</summary>
    [Theory]
    [InlineData("2026-11-26T06:00:10Z", "2026-11-26T06:00:00Z", false)] // first start at 13:00: not at once
    [InlineData("2026-11-27T04:59:00Z", "2026-11-26T06:00:00Z", false)] // 11:59 the next day: not yet
    [InlineData("2026-11-27T05:01:00Z", "2026-11-26T06:00:00Z", true)]  // 12:01 the next day: due
    [InlineData("2026-11-26T05:01:00Z", "2026-11-26T01:00:00Z", true)]  // set up at 08:00: due at noon the same day
    public void A_new_installation_backs_up_first_at_the_hour_after_it_was_set_up(string now, string since, bool due) =>
        Assert.Equal(due, BackupSchedule.IsDue(DateTime.Parse(now).ToUniversalTime(), null, 12, DateTime.Parse(since).ToUniversalTime()));
}
