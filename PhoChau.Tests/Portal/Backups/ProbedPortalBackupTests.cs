using System.Net;
using Microsoft.Data.Sqlite;
using PhoChau.Core.Backups;
using PhoChau.Portal.Hosting;

namespace PhoChau.Tests.Portal.Backups;

/// <summary>
/// Issue 32.1: a portal that has run and answered /healthz the way a service manager polls it makes backups that
/// restore on a new installation: the daily one, the one before an upgrade (taken from a database the previous
/// version probed, with the table its probe made) and the command line's. Before, the probe's table went into every
/// backup and every restore refused it as altered.
/// </summary>
public sealed class ProbedPortalBackupTests
{
    [Fact]
    public async Task A_portal_probed_by_healthz_makes_daily_before_upgrade_and_command_line_backups_that_each_restore_on_a_new_installation()
    {
        var portal = await RunningPortal.StartAsync(demo: true);
        var data = portal.DataRoot;
        var dbPath = Path.Combine(data, "portal.db");
        string[] config = ["--Data:Root", data, "--ConnectionStrings:Default", $"Data Source={dbPath}"];
        Assert.Equal(0, await PortalCommands.RunAsync(["set-backup-passphrase", "--passphrase", CoreTestHost.BackupPassphrase, .. config], new StringWriter()));
        using var http = new HttpClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(portal.BaseUrl + "/healthz")).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(3.2)); // past the probe's cache: each one writes
        }

        var daily = await portal.Services.GetRequiredService<BackupService>().CreateAsync(BackupReason.Daily);
        var usb = Path.Combine(data, "usb");
        Assert.Equal(0, await PortalCommands.RunAsync(["backup", "--out", usb, .. config], new StringWriter()));
        var commandLine = Assert.Single(Directory.GetFiles(usb, "phochau-*-dong-lenh.zip"));

        // The database as the previous release left it: at its last migration, with the table its probe created. The
        // next start upgrades it, backing up first.
        await portal.StopAsync();
        PreviousRelease.MigrateBack(dbPath, "CREATE TABLE \"__HealthProbe\" (\"Id\" INTEGER PRIMARY KEY, \"AtUtc\" TEXT NOT NULL); " +
                                            "INSERT INTO \"__HealthProbe\" VALUES (1, '2026-12-01T00:00:00Z');");
        await portal.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(portal.BaseUrl + "/healthz")).StatusCode);
        var beforeUpgrade = Assert.Single(portal.Services.GetRequiredService<BackupService>().List(), b => b.Reason == BackupReason.BeforeMigration);
        Assert.False(HasTable(dbPath, "__HealthProbe"), "the upgrade drops the earlier probe's table");
        await portal.StopAsync();

        foreach (var backup in new[] { daily.FullPath, beforeUpgrade.FullPath, commandLine })
        {
            var laptop = Directory.CreateTempSubdirectory("phochau-new-laptop").FullName;
            var newDb = Path.Combine(laptop, "portal.db");
            var output = new StringWriter();
            var exit = await PortalCommands.RunAsync(
                ["restore", backup, "--passphrase", CoreTestHost.BackupPassphrase, "--Data:Root", laptop, "--ConnectionStrings:Default", $"Data Source={newDb}"], output);
            Assert.True(exit == 0, $"{Path.GetFileName(backup)}: {output}");
            Assert.Equal(30L, Scalar(newDb, "SELECT COUNT(*) FROM Petitions"));
            Assert.False(HasTable(newDb, "__HealthProbe"));
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(laptop, "tmp")));
        }
        await portal.DisposeAsync();
    }

    private static bool HasTable(string db, string name) =>
        Scalar(db, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{name}'") > 0;

    private static long Scalar(string db, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }
}
