using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Core.Persistence;

public sealed class DatabaseSetupTests
{
    [Fact]
    public async Task The_database_file_is_in_WAL_mode_and_connections_wait_for_locks()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = host.NewDb();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(5000L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Migrations_are_applied_not_just_created()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = host.NewDb();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public void A_relative_database_path_is_placed_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "phochau-root-" + Guid.NewGuid().ToString("N"));
        var cs = PersistenceServiceCollectionExtensions.NormalizeConnectionString("Data Source=App_Data/phochau.db", root);
        Assert.Contains(Path.Combine(root, "App_Data", "phochau.db"), cs);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        Directory.Delete(root, true);
    }
}
