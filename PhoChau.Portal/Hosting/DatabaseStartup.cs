using Microsoft.Data.Sqlite;
using PhoChau.Core.Backups;
using PhoChau.Core.Demo;
using Npgsql;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// Start-up's data work: the data folder is checked and locked before anything else (StartingAsync), then, on the
/// other core while the server starts, the database is backed up if a migration is due, migrated and seeded. Until
/// that is done <see cref="DatabaseReadiness"/> holds every request back (/healthz says 503 "starting"), and the host's
/// start is not over until it is (StartedAsync waits for it: the banner, systemd's "ready" and a test host's start
/// come after). Anything an operator must fix (a locked or read-only file, a database from a newer portal, an
/// unwritable folder) ends start-up with one clear line instead of a hang or a stack trace.
/// </summary>
public sealed class DatabaseStartup(
    DataFolderGuard guard, DatabaseInitializer initializer, DemoDialogueSeeder demo, IOptions<SeedOptions> seed, FirstAdminPassword firstAdmin,
    DatabaseReadiness readiness, DatabaseInfo database, DataFolder data)
    : IHostedLifecycleService
{
    private Task _work = Task.CompletedTask;

    public async Task StartingAsync(CancellationToken ct)
    {
        guard.Acquire();
        // Holding the data folder: decrypted work files a killed backup or restore left are removed before anything else.
        TempWork.CleanAbandoned(data, holdsDataFolder: true);
        // Overlapped with Kestrel's start and the first requests' warm-up (startup benchmark: 0.4 s of a 2-core start).
        _work = Task.Run(() => InitializeAsync(ct), CancellationToken.None);
        readiness.Track(_work);
        // On PostgreSQL the keys that protect sign-in cookies live in the database, and the server reads them as it
        // starts: there it starts once the database is reached (a province's server has the cores to spare).
        if (!database.IsSqlite) await _work;
    }

    public Task StartedAsync(CancellationToken ct) => _work;

    private async Task InitializeAsync(CancellationToken ct)
    {
        try
        {
            var generated = await initializer.InitializeAsync(seed.Value, ct);
            // Kept in a file until the first sign-in, and shown once the portal listens (StartupBanner): a start that
            // fails after this point loses nothing.
            if (generated is not null) firstAdmin.Keep(DatabaseInitializer.AdminUserName, generated);
            if (seed.Value.Demo)
                await demo.SeedAsync(seed.Value.DemoPassword ?? seed.Value.AdminPassword ?? generated, ct);
        }
        catch (NewerDatabaseException ex)
        {
            throw new StartupFailureException(
                $"Cơ sở dữ liệu đã được một phiên bản mới hơn của Cổng đối thoại sử dụng (migration {ex.Migration}); phiên bản {BackupService.PortalVersion} không mở nó. Hãy cài phiên bản mới hơn. / The database was used by a newer version of the portal (migration {ex.Migration}); version {BackupService.PortalVersion} will not open it: install the newer version.", ex);
        }
        catch (BackupException ex) when (ex.Key == "Backup.NoPassphrase")
        {
            // The portal does not start, so its Backups page cannot help: the exact command that can.
            var command = PortalCommands.CommandLine(PortalCommands.SetBackupPassphrase, data.Root);
            throw new StartupFailureException(new BackupException("Backup.UpgradeNeedsPassphrase", [command]).InBothLanguages(), ex);
        }
        catch (BackupException ex)
        {
            throw new StartupFailureException(
                $"Không sao lưu được trước khi nâng cấp cơ sở dữ liệu, nên chưa nâng cấp: {ex.In("vi-VN")} / Could not back up before upgrading the database, so nothing was changed: {ex.In("en-US")}", ex);
        }
        catch (Exception ex) when (Failures.Find<NpgsqlException>(ex) is { } postgres)
        {
            throw new StartupFailureException(
                $"Không kết nối được máy chủ PostgreSQL ({postgres.Message}). Kiểm tra máy chủ đang chạy và ConnectionStrings:Postgres. / Cannot reach the PostgreSQL server: is it running, and is ConnectionStrings:Postgres right?", postgres);
        }
        catch (Exception ex) when (Failures.Find<SqliteException>(ex) is { } sqlite)
        {
            throw new StartupFailureException(
                $"Không mở được cơ sở dữ liệu: SQLite lỗi {sqlite.SqliteErrorCode} ({sqlite.Message}). Kiểm tra tệp dữ liệu có bị chương trình khác khóa hoặc chỉ cho phép đọc. / Cannot open the database: is the file locked by another program or read-only?", sqlite);
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
