using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Commune;
using PhoChau.Core.Departments;
using PhoChau.Core.Persistence;
using PhoChau.Core.Persistence.Postgres;

namespace PhoChau.Tests.Core.Persistence;

/// <summary>The model begun at process start (startup benchmark) is the model, and its query filters are each context's own.</summary>
public sealed class ModelHeadStartTests
{
    [Fact]
    public async Task The_head_started_model_is_the_one_a_context_builds_itself_on_each_provider()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL })
        {
            var headStart = ModelHeadStart.Begin(provider);
            await headStart.Ready;
            using PhoChauDbContext own = provider == DatabaseProvider.Sqlite
                ? new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite("Data Source=:memory:").Options)
                : new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=127.0.0.1;Database=none").Options);
            using PhoChauDbContext given = provider == DatabaseProvider.Sqlite
                ? new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite("Data Source=:memory:").UseMemoryCache(headStart.Cache).Options)
                : new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=127.0.0.1;Database=none").UseMemoryCache(headStart.Cache).Options);

            if (provider == DatabaseProvider.Sqlite) // raw SQL into a type of its own, as the outbox's claim does: EF adds it to the shared model
            {
                await given.Database.OpenConnectionAsync();
                Assert.Equal(7, (await given.Database.SqlQuery<RawRow>($"SELECT 7 AS \"Id\", 1 AS \"CommuneId\"").ToListAsync()).Single().Id);
            }
            Assert.Equal(Built(own.Model), Built(given.Model));
            // Taken from the cache, not built again: a second context with the cache gets the very same model.
            using PhoChauDbContext again = provider == DatabaseProvider.Sqlite
                ? new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite("Data Source=x.db").UseMemoryCache(headStart.Cache).Options)
                : new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=127.0.0.2;Database=other").UseMemoryCache(headStart.Cache).Options);
            Assert.Same(given.Model, again.Model);
        }
    }

    private sealed record RawRow(long Id, int CommuneId);

    /// <summary>
    /// The model as built: the ad-hoc entity types EF adds to a model at run time for raw SQL results (the outbox's
    /// claim) are left out, since a test elsewhere in the process may have added them to the shared cached model.
    /// </summary>
    private static string Built(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var kept = new List<string>();
        var inAdHoc = false;
        foreach (var line in model.ToDebugString().Split('\n'))
        {
            // A section is a line indented by two spaces; the ad-hoc one runs until the next.
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
                inAdHoc = line.TrimStart().StartsWith("Ad-hoc entity types:", StringComparison.Ordinal);
            if (!inAdHoc) kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    [Fact]
    public async Task A_context_on_the_head_started_model_filters_by_its_own_commune_not_by_the_one_that_built_it()
    {
        // The model was built by a context of commune 1 (no scope set): its filters must not keep that commune.
        var headStart = ModelHeadStart.Begin(DatabaseProvider.Sqlite);
        await headStart.Ready;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        DbContextOptions<PhoChauDbContext> Options() =>
            new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite(connection).UseMemoryCache(headStart.Cache).Options;
        await using (var db = new PhoChauDbContext(Options()))
        {
            await db.Database.EnsureCreatedAsync();
            db.CommuneProfiles.AddRange(new CommuneProfile { Id = 1 }, new CommuneProfile { Id = 2, CommuneName = "xã Hai" });
            db.Departments.AddRange(
                new Department { CommuneId = 1, Name = "Một", Kind = UnitKind.Department },
                new Department { CommuneId = 2, Name = "Hai", Kind = UnitKind.Department });
            await db.SaveChangesAsync();
        }

        using (CommuneScope.Enter(2))
        {
            await using var db = new PhoChauDbContext(Options());
            Assert.Equal(["Hai"], await db.Departments.Select(d => d.Name).ToListAsync());
        }
        using (CommuneScope.Enter(1))
        {
            await using var db = new PhoChauDbContext(Options());
            Assert.Equal(["Một"], await db.Departments.Select(d => d.Name).ToListAsync());
        }
    }
}
