using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Support;

/// <summary>A database as the previous release left it: its migrations undone down to that release's last one.</summary>
public static class PreviousRelease
{
    /// <summary>This release's first migration: the previous release's last is the one before it.</summary>
    private const string FirstOfThisRelease = "_HealthProbeTable";

    /// <summary>Takes the SQLite file back to the previous release's schema; <paramref name="then"/> runs SQL on it afterwards.</summary>
    public static void MigrateBack(string databasePath, string? then = null)
    {
        using (var db = new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite($"Data Source={databasePath};Pooling=False").Options))
        {
            var migrations = db.Database.GetMigrations().ToList();
            db.GetService<IMigrator>().Migrate(migrations[migrations.FindIndex(m => m.EndsWith(FirstOfThisRelease, StringComparison.Ordinal)) - 1]);
            if (then is not null) db.Database.ExecuteSqlRaw(then);
        }
        SqliteConnection.ClearAllPools();
    }
}
