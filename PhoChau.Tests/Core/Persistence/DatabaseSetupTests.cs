using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Core.Persistence;

public sealed class DatabaseSetupTests
{
    [Fact]
    public async Task The_database_file_is_in_WAL_mode_connections_wait_for_locks_and_commits_reach_the_disk()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = host.NewDb();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(5000L, (long)(await cmd.ExecuteScalarAsync())!);
        cmd.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!); // FULL: a commit is on the disk when it is acknowledged
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
    public async Task A_start_on_a_seeded_database_finds_it_all_in_one_read_and_a_start_after_a_loss_seeds_what_is_missing()
    {
        await using var host = await CoreTestHost.StartAsync();
        var seed = new SeedOptions { AdminPassword = "Admin12345" };
        await using (var db = host.NewDb())
        {
            var facts = await DatabaseInitializer.StartFacts.ReadAsync(db, default);
            Assert.True(facts.AllSeeded(seed), facts.ToString());
            Assert.Equal(1, facts.CommuneProfiles);
            // The province's account is asked for and missing: not all seeded.
            Assert.False(facts.AllSeeded(new SeedOptions { ProvinceAdminPassword = "Tinh12345" }));
        }

        // A role and the units lost (a restore by hand, an old database): the next start puts them back.
        await using (var db = host.NewDb())
        {
            await db.Departments.ExecuteDeleteAsync();
            await db.Roles.Where(r => r.Name == PhoChau.Core.Security.Roles.Viewer).ExecuteDeleteAsync();
            Assert.False((await DatabaseInitializer.StartFacts.ReadAsync(db, default)).AllSeeded(seed));
        }
        Assert.Null(await host.Get<DatabaseInitializer>().InitializeAsync(seed));
        await using (var db = host.NewDb())
        {
            Assert.True((await DatabaseInitializer.StartFacts.ReadAsync(db, default)).AllSeeded(seed));
            Assert.True(await db.Roles.AnyAsync(r => r.Name == PhoChau.Core.Security.Roles.Viewer));
            Assert.Equal(PhoChau.Core.Departments.ReferenceUnits.Departments.Count + PhoChau.Core.Departments.ReferenceUnits.ParticipatingBodies.Count, await db.Departments.CountAsync());
        }
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
