using PhoChau.Core.Backups;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Core.Backups;

/// <summary>
/// Issue 32.1: the decrypted copies a backup or a restore works on (the whole database, plain scans, the PIN key) never
/// outlive it. A process killed midway leaves its work folder unlocked; the next backup, restore or start removes it,
/// and never the folder of a backup another process is still writing.
/// </summary>
public sealed class TempWorkTests
{
    [Fact]
    public async Task What_a_killed_backup_left_is_removed_by_the_next_backup_and_a_live_ones_work_is_left_alone()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var data = host.Get<DataFolder>();
        var abandoned = Abandoned(data);
        using var live = TempWork.Create(data); // another process's backup, still at work
        await File.WriteAllTextAsync(Path.Combine(live.Path, "snapshot.db"), "đang sao lưu");

        await host.Get<BackupService>().CreateAsync(BackupReason.Manual);

        Assert.False(Directory.Exists(abandoned));
        Assert.False(File.Exists(abandoned + ".lock"));
        Assert.True(File.Exists(Path.Combine(live.Path, "snapshot.db")));
        live.Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.TempFolder));
    }

    [Fact]
    public async Task A_restore_and_the_portals_start_remove_every_decrypted_leftover_including_an_earlier_versions_loose_files()
    {
        await using var host = (await CoreTestHost.StartAsync()).UseBackupPassphrase();
        var data = host.Get<DataFolder>();
        var backup = await host.Get<BackupService>().CreateAsync(BackupReason.Manual);
        var abandoned = Abandoned(data);
        var loose = Path.Combine(data.TempFolder, "snapshot-0123456789abcdef.db");
        await File.WriteAllTextAsync(loose, "bản sao cơ sở dữ liệu đã giải mã");
        Directory.CreateDirectory(Path.Combine(data.TempFolder, "restore-0123", "attachments"));

        await host.Get<RestoreService>().RestoreAsync(backup.FullPath, CoreTestHost.BackupPassphrase);

        Assert.Empty(Directory.EnumerateFileSystemEntries(data.TempFolder));
        Assert.False(Directory.Exists(abandoned));

        // The same at the portal's start (the data folder held, nothing else at work in it).
        Abandoned(data);
        await File.WriteAllTextAsync(loose, "còn sót");
        Assert.Equal(2, TempWork.CleanAbandoned(data, holdsDataFolder: true));
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.TempFolder));
    }

    [Fact]
    public async Task The_portal_removes_a_killed_commands_leftovers_as_it_starts()
    {
        var portal = await RunningPortal.StartAsync();
        await portal.StopAsync();
        var data = new DataFolder(portal.DataRoot, Path.Combine(portal.DataRoot, "portal.db"));
        var abandoned = Abandoned(data);

        await portal.StartAgainAsync();

        Assert.False(Directory.Exists(abandoned));
        await portal.DisposeAsync();
    }

    /// <summary>A work folder as a killed process leaves it: files inside, its lock file held by no one.</summary>
    private static string Abandoned(DataFolder data)
    {
        var folder = Path.Combine(data.TempFolder, "work-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "restore", "attachments"));
        File.WriteAllText(Path.Combine(folder, "restore", "phochau.db"), "giải mã");
        File.WriteAllText(folder + ".lock", "");
        return folder;
    }
}
