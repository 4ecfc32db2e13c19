using PhoChau.Core.Backups;
using PhoChau.Portal.Hosting;

namespace PhoChau.Tests.Portal.Backups;

/// <summary>`PhoChau.Portal backup` and `restore` against the data folder of a portal, running and stopped.</summary>
public sealed class BackupCommandTests
{
    [Fact]
    public async Task Backup_runs_beside_a_running_portal_and_restore_is_refused_until_the_portal_stops()
    {
        var portal = await RunningPortal.StartAsync(demo: true);
        var data = portal.DataRoot;
        var outDir = Path.Combine(data, "usb");
        var output = new StringWriter();
        // Piped in, as a service script would give it: the passphrase is read as a line.
        Assert.Equal(0, await PortalCommands.RunAsync(["set-backup-passphrase", "--Data:Root", data, "--ConnectionStrings:Default", $"Data Source={Path.Combine(data, "portal.db")}"],
            output, new StringReader(CoreTestHost.BackupPassphrase + "\n")));
        Assert.Contains("Đã đặt mật khẩu sao lưu", output.ToString());

        var backupExit = await PortalCommands.RunAsync(["backup", "--out", outDir, "--Data:Root", data, "--ConnectionStrings:Default", $"Data Source={Path.Combine(data, "portal.db")}"], output);

        Assert.Equal(0, backupExit);
        var zip = Assert.Single(Directory.GetFiles(outDir, "phochau-*-dong-lenh.zip"));
        Assert.Contains(zip, output.ToString());

        // Work done after the backup, which the restore must undo.
        var secretary = new PhoChau.Core.Security.Actor("s", "thuky", new HashSet<string> { PhoChau.Core.Security.Roles.Secretary });
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PhoChau.Core.Petitions.PetitionService>(portal.Services)
            .CreateAsync(secretary, new PhoChau.Core.Petitions.PetitionInput
            {
                Consent = true,
                DialogueId = 1, PetitionerName = "Sau Sao Lưu", Channel = PhoChau.Core.Petitions.PetitionChannel.OneStopDesk,
                ReceivedOn = new DateOnly(2026, 3, 1), Field = PhoChau.Core.Petitions.PetitionField.Other, Text = "Ghi sau khi sao lưu.",
            });
        var refused = new StringWriter();
        var restoreExit = await PortalCommands.RunAsync(["restore", zip, "--Data:Root", data, "--ConnectionStrings:Default", $"Data Source={Path.Combine(data, "portal.db")}"], refused);
        Assert.Equal(1, restoreExit);
        Assert.Contains("đang chạy", refused.ToString());
        Assert.Single(refused.ToString().Trim().Split('\n'));

        await portal.StopAsync();
        var wrong = new StringWriter();
        Assert.Equal(1, await PortalCommands.RunAsync(["restore", zip, "--passphrase", "không phải mật khẩu này", "--Data:Root", data, "--ConnectionStrings:Default", $"Data Source={Path.Combine(data, "portal.db")}"], wrong));
        Assert.Contains("Sai mật khẩu sao lưu", wrong.ToString());
        var restored = new StringWriter();
        var okExit = await PortalCommands.RunAsync(["restore", zip, "--passphrase", CoreTestHost.BackupPassphrase, "--Data:Root", data, "--ConnectionStrings:Default", $"Data Source={Path.Combine(data, "portal.db")}"], restored);
        Assert.Equal(0, okExit);
        Assert.Contains("Đã khôi phục", restored.ToString());

        // Started again, the portal shows exactly the backed-up state.
        await portal.StartAgainAsync();
        var query = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PhoChau.Core.Petitions.PetitionQuery>(portal.Services);
        var rows = await query.FindAsync(secretary, new PhoChau.Core.Petitions.PetitionFilter { DialogueId = 1, Take = 200 });
        Assert.Equal(30, rows.Total); // the demo's petitions, without the one written after the backup
        Assert.DoesNotContain(rows.Rows, r => r.PetitionerName == "Sau Sao Lưu");
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task Restoring_a_file_that_is_not_a_backup_exits_1_with_one_line()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-cli").FullName;
        var notZip = Path.Combine(dir, "anh.zip");
        await File.WriteAllTextAsync(notZip, "không phải tệp nén");
        var output = new StringWriter();

        var exit = await PortalCommands.RunAsync(["restore", notZip, "--Data:Root", dir], output);

        Assert.Equal(1, exit);
        Assert.Contains("bị hỏng", output.ToString());
        Assert.Single(output.ToString().Trim().Split('\n'));
    }

    [Fact]
    public async Task Backup_with_no_database_yet_says_so()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-cli").FullName;
        var output = new StringWriter();
        Assert.Equal(1, await PortalCommands.RunAsync(["backup", "--Data:Root", dir], output));
        Assert.Contains("Chưa có cơ sở dữ liệu", output.ToString());
    }

    [Fact]
    public async Task A_backup_passphrase_too_short_is_refused_and_none_is_set()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-cli").FullName;
        var output = new StringWriter();
        Assert.Equal(1, await PortalCommands.RunAsync(["set-backup-passphrase", "--passphrase", "ngan", "--Data:Root", dir], output));
        Assert.Contains("ít nhất 10 ký tự", output.ToString());
        Assert.False(File.Exists(Path.Combine(dir, "keys", BackupKey.KeyFile)));
    }
}
