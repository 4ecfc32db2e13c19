using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;

namespace PhoChau.Portal;

/// <summary>
/// Migrates and seeds the database before the server accepts requests (StartingAsync runs before Kestrel
/// starts). A locked or read-only file ends start-up with one clear log line instead of a hang.
/// </summary>
public sealed class DatabaseStartup(
    DatabaseInitializer initializer, DemoDialogueSeeder demo, IOptions<SeedOptions> seed, ILogger<DatabaseStartup> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        try
        {
            var generated = await initializer.InitializeAsync(seed.Value, ct);
            if (generated is not null)
            {
                // Printed once, on the first start only: the account exists from then on.
                Console.WriteLine("==============================================================");
                Console.WriteLine($" Tài khoản quản trị đầu tiên / first administrator: {DatabaseInitializer.AdminUserName}");
                Console.WriteLine($" Mật khẩu (chỉ hiện một lần) / password (shown once): {generated}");
                Console.WriteLine("==============================================================");
            }
            if (seed.Value.Demo)
                await demo.SeedAsync(seed.Value.DemoPassword ?? seed.Value.AdminPassword ?? generated, ct);
        }
        catch (Exception ex) when (FindSqlite(ex) is { } sqlite)
        {
            log.LogCritical(
                "Không mở được cơ sở dữ liệu: SQLite lỗi {Code} ({Message}). Kiểm tra tệp dữ liệu có bị chương trình khác khóa hoặc chỉ cho phép đọc. / Cannot open the database.",
                sqlite.SqliteErrorCode, sqlite.Message);
            throw new DatabaseStartupException(sqlite);
        }
    }

    private static SqliteException? FindSqlite(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is SqliteException s) return s;
        return null;
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}

public sealed class DatabaseStartupException(Exception inner) : Exception("The database could not be opened.", inner);
