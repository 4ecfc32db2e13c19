using Microsoft.EntityFrameworkCore;
using Npgsql;
using PhoChau.Core.Departments;
using PhoChau.Core.Persistence;
using PhoChau.Core.Persistence.Postgres;

namespace PhoChau.Tests.Core.Persistence;

/// <summary>SQLite (the default) and PostgreSQL (a province's server): one model, a migrations set each, kept in step.</summary>
public sealed class ProviderTests
{
    [Fact]
    public void Each_providers_migrations_hold_the_whole_model()
    {
        // Fails when the model changed without `dotnet ef migrations add` for either provider (see README).
        using var sqlite = new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=127.0.0.1;Database=none").Options);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite migrations miss a model change");
        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL migrations miss a model change");
        // Each context sees only its own set.
        Assert.DoesNotContain(sqlite.Database.GetMigrations(), m => m.EndsWith("_InitialPostgres"));
        Assert.Contains(postgres.Database.GetMigrations(), m => m.EndsWith("_InitialPostgres"));
        Assert.DoesNotContain(postgres.Database.GetMigrations(), m => m.EndsWith("_Initial"));
    }

    [Fact]
    public async Task Several_nodes_starting_at_once_on_one_PostgreSQL_migrate_and_seed_it_once()
    {
        await using var database = TestPostgres.Fresh("phochau_nodes");
        var connection = database.ConnectionString;
        var nodes = Enumerable.Range(0, 3).Select(_ => Node(connection)).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.GetRequiredService<DatabaseInitializer>().InitializeAsync(new SeedOptions { AdminPassword = "Admin12345" })));

            await using var db = nodes[0].GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContext();
            Assert.IsType<PostgresDbContext>(db);
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
            Assert.Equal(1, await db.CommuneProfiles.CountAsync());
            Assert.Equal(ReferenceUnits.Departments.Count + ReferenceUnits.ParticipatingBodies.Count, await db.Departments.CountAsync());
            Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == DatabaseInitializer.AdminUserName));
            Assert.Equal(Roles.All.Count + Roles.Province.Count, await db.Roles.CountAsync());
        }
        finally
        {
            foreach (var n in nodes) await n.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_database_at_a_newer_migration_is_refused_by_an_older_node()
    {
        await using var database = TestPostgres.Fresh("phochau_newer");
        var connection = database.ConnectionString;
        await using var node = Node(connection);
        await node.GetRequiredService<DatabaseInitializer>().InitializeAsync(new SeedOptions { AdminPassword = "Admin12345" });
        await using (var raw = new NpgsqlConnection(connection))
        {
            await raw.OpenAsync();
            await using var cmd = raw.CreateCommand();
            cmd.CommandText = "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await cmd.ExecuteNonQueryAsync();
        }
        var ex = await Assert.ThrowsAsync<NewerDatabaseException>(() => node.GetRequiredService<DatabaseInitializer>().InitializeAsync(new SeedOptions()));
        Assert.Equal("29991231000000_FromTheFuture", ex.Migration);
    }

    /// <summary>A portal node's Core services on the given PostgreSQL database (its own data folder).</summary>
    internal static ServiceProvider Node(string connection) =>
        CoreTestHost.AddCoreServices(new ServiceCollection(), TimeProvider.System)
            .AddPhoChauPostgres(connection, Directory.CreateTempSubdirectory("phochau-node").FullName)
            .BuildServiceProvider();
}
