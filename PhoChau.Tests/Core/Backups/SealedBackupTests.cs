using Microsoft.Data.Sqlite;
using System.IO.Compression;
using System.Text;
using PhoChau.Core.Backups;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Backups;

/// <summary>Backups go to USB sticks: each is sealed with the passphrase's key, and only the passphrase opens it (issue 19.1).</summary>
public sealed class SealedBackupTests
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PdfStart = "%PDF-"u8.ToArray();

    private static async Task<(int Id, byte[] Jpeg, byte[] Pdf)> PetitionWithScansAsync(CoreTestHost host, int dialogueId, string name)
    {
        var p = await WorkflowData.PetitionAsync(host, dialogueId, name);
        var jpeg = Scans.Jpeg();
        var pdf = Scans.Pdf(name);
        var files = host.Get<AttachmentService>();
        await files.AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(jpeg));
        await files.AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "so-do.pdf", new MemoryStream(pdf));
        return (p.Id, jpeg, pdf);
    }

    [Fact]
    public async Task A_backup_read_with_a_generic_zip_reader_shows_no_database_no_scan_no_PIN_key_and_no_name()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        var (_, jpeg, pdf) = await PetitionWithScansAsync(host, d.Id, "Lê Thị Hoa");
        var pinKey = await File.ReadAllBytesAsync(Path.Combine(host.Get<DataFolder>().KeysFolder, PhoChau.Core.Petitions.TrackingPin.KeyFile));

        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);

        using var zip = ZipFile.OpenRead(backup.FullPath);
        Assert.Equal(new[] { BackupCipher.HeaderEntry, BackupCipher.NoticeEntry, BackupCipher.PayloadEntry }.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var everything = zip.Entries.SelectMany(BackupData.ReadAll).ToArray().AsSpan();
        Assert.Equal(-1, everything.IndexOf(SqliteHeader));
        // The scans' own first bytes, not only a 3-byte JPEG marker a sealed payload holds by chance once in 16 million bytes.
        Assert.Equal(-1, everything.IndexOf(jpeg.AsSpan(0, Math.Min(32, jpeg.Length))));
        Assert.Equal(-1, everything.IndexOf(pdf.AsSpan(0, Math.Min(32, pdf.Length))));
        Assert.Equal(-1, everything.IndexOf(PdfStart));
        Assert.Equal(-1, everything.IndexOf(pinKey));
        Assert.Equal(-1, everything.IndexOf(Encoding.UTF8.GetBytes("Lê Thị Hoa")));
    }

    [Fact]
    public async Task Restored_on_a_new_installation_with_the_right_passphrase_every_row_and_file_comes_back_and_a_wrong_one_changes_nothing()
    {
        await using var office = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(office);
        var (id, jpeg, pdf) = await PetitionWithScansAsync(office, d.Id, "Lê Thị Hoa");
        var backup = await office.Get<BackupService>().CreateAsync(BackupReason.Manual);
        var dump = BackupData.Dump(office.DatabasePath);
        var files = BackupData.Files(office);
        var pinKey = await File.ReadAllBytesAsync(Path.Combine(office.Get<DataFolder>().KeysFolder, PhoChau.Core.Petitions.TrackingPin.KeyFile));

        // A new laptop: its own data folder, its own keys, no passphrase yet.
        await using var laptop = await CoreTestHost.StartAsync();
        var usb = Path.Combine(laptop.DataRoot, "usb", backup.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(usb)!);
        File.Copy(backup.FullPath, usb);
        var before = BackupData.Dump(laptop.DatabasePath);

        var wrong = await Assert.ThrowsAsync<BackupException>(() => laptop.Get<RestoreService>().RestoreAsync(usb, "mật khẩu đoán bừa thôi"));
        Assert.Contains("Sai mật khẩu sao lưu", wrong.Message);
        var none = await Assert.ThrowsAsync<BackupException>(() => laptop.Get<RestoreService>().RestoreAsync(usb, null));
        Assert.Contains("nhập mật khẩu sao lưu", none.Message);
        Assert.Equal(before, BackupData.Dump(laptop.DatabasePath));
        Assert.False(laptop.Get<BackupKey>().IsSet);

        var result = await laptop.Get<RestoreService>().RestoreAsync(usb, CoreTestHost.BackupPassphrase);

        Assert.True(result.WasSealed);
        Assert.Equal(dump, BackupData.Dump(laptop.DatabasePath));
        Assert.Equal(files, BackupData.Files(laptop));
        Assert.Equal(pinKey, await File.ReadAllBytesAsync(Path.Combine(laptop.Get<DataFolder>().KeysFolder, PhoChau.Core.Petitions.TrackingPin.KeyFile)));
        // The scans open on the new laptop, sealed there with its own keys.
        var opened = new List<byte[]>();
        foreach (var a in await ListAsync(laptop, id))
        {
            var (_, content) = await laptop.Get<AttachmentService>().OpenAsync(CoreTestHost.Admin, a);
            using var ms = new MemoryStream();
            await content.CopyToAsync(ms);
            opened.Add(ms.ToArray());
        }
        Assert.Equal([jpeg, pdf], opened);
        // And it goes on backing up with the backup's passphrase.
        Assert.True(laptop.Get<BackupKey>().IsSet);
        var next = await laptop.Get<BackupService>().CreateAsync(BackupReason.Manual);
        Assert.NotEmpty(BackupData.Plain(next.FullPath));
    }

    [Fact]
    public async Task Without_a_passphrase_no_backup_is_written_and_the_reason_is_kept_for_the_page()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<BackupService>();

        var ex = await Assert.ThrowsAsync<BackupException>(() => service.CreateAsync(BackupReason.Daily));

        Assert.Contains("Chưa đặt mật khẩu sao lưu", ex.Message);
        Assert.Empty(service.List());
        Assert.False(Directory.Exists(service.Folder) && Directory.EnumerateFiles(service.Folder).Any());
        Assert.Equal(ex.Message, service.LastFailure?.Message);
    }

    [Fact]
    public async Task A_plain_backup_is_refused_unless_named_and_then_restored_with_the_table_the_earlier_probe_left_in_it()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var d = await WorkflowData.DialogueAsync(host);
        await PetitionWithScansAsync(host, d.Id, "Lê Thị Hoa");
        var sealedBackup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        // The zip an earlier version wrote: manifest, database, scans in clear, and the table its /healthz probe made.
        var plain = BackupData.Plain(sealedBackup.FullPath);
        plain = WithLegacyProbeTable(plain);
        var dump = BackupData.Dump(host.DatabasePath);
        var files = BackupData.Files(host);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await WorkflowData.PetitionAsync(host, d.Id, "Sau Sao Lưu");
        var dumpNow = BackupData.Dump(host.DatabasePath);

        var refused = await Assert.ThrowsAsync<BackupException>(() => host.Get<RestoreService>().RestoreAsync(plain));
        Assert.Contains("--allow-unsealed", refused.Message);
        Assert.Equal(dumpNow, BackupData.Dump(host.DatabasePath));

        var result = await host.Get<RestoreService>().RestoreAsync(plain, allowUnsealed: true);

        Assert.False(result.WasSealed);
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
        Assert.Equal(files, BackupData.Files(host));
        // Its scans, plain in the old zip, are sealed on the way in.
        Assert.All(Directory.EnumerateFiles(host.AttachmentsRoot, "*", SearchOption.AllDirectories),
            f => Assert.True(AttachmentCipher.IsSealed(File.ReadAllBytes(f))));
    }

    [Fact]
    public async Task A_plain_backup_edited_on_the_stick_with_its_manifest_rehashed_is_refused_without_the_administrators_word()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var sealedBackup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        var plain = BackupData.Plain(sealedBackup.FullPath);
        // Someone with the USB stick sets the administrator's password hash to one they know and re-hashes the manifest:
        // nothing keyed proves a plain archive unchanged, so only the administrator's explicit word lets one in.
        var db = BackupData.ExtractDatabase(plain);
        using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE AspNetUsers SET PasswordHash = 'AQAAAAIAAYagAAAAEKnownToTheAttacker' WHERE UserName = 'admin'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }
        SqliteConnection.ClearAllPools();
        var edited = RestoreServiceTests.Rezip(plain, plain + ".edited.zip", File.ReadAllBytes(db));
        var dump = BackupData.Dump(host.DatabasePath);

        var ex = await Assert.ThrowsAsync<BackupException>(() => host.Get<RestoreService>().RestoreAsync(edited));

        Assert.Contains("không được mã hóa", ex.Message);
        Assert.Equal(dump, BackupData.Dump(host.DatabasePath));
    }

    private static string WithLegacyProbeTable(string plainZip)
    {
        var db = BackupData.ExtractDatabase(plainZip);
        using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "CREATE TABLE \"__HealthProbe\" (\"Id\" INTEGER PRIMARY KEY, \"AtUtc\" TEXT NOT NULL); INSERT INTO \"__HealthProbe\" VALUES (1, '2026-12-01T00:00:00Z');";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        return RestoreServiceTests.Rezip(plainZip, plainZip + ".probed.zip", File.ReadAllBytes(db));
    }

    [Fact]
    public async Task The_passphrase_too_short_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ex = Assert.Throws<BackupException>(() => host.Get<BackupKey>().SetPassphrase("123456789", DateTime.UtcNow));
        Assert.Contains("ít nhất 10 ký tự", ex.Message);
        Assert.False(host.Get<BackupKey>().IsSet);
    }

    private static async Task<List<int>> ListAsync(CoreTestHost host, int petitionId)
    {
        await using var db = host.NewDb();
        return db.PetitionAttachments.Where(a => a.PetitionId == petitionId).OrderBy(a => a.Id).Select(a => a.Id).ToList();
    }
}
