using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PhoChau.Core.Backups;

/// <summary>
/// What a backup's database may hold: exactly the objects the portal's migrations create, compared row by row over
/// the whole of sqlite_master (type, name, table and SQL text, names beginning "sqlite_" included), so a trigger
/// written in with writable_schema under a reserved name is refused like any other.
/// </summary>
public static class BackupSchema
{
    /// <summary>
    /// The table the health probe of versions up to 0.30 created in the live database (and so in every backup they
    /// made). Not the portal's data: a backup leaves it out, a restore drops it, provided it is exactly that table.
    /// </summary>
    public const string LegacyProbeTable = "__HealthProbe";
    private const string LegacyProbeSql = "CREATE TABLE \"__HealthProbe\" (\"Id\" INTEGER PRIMARY KEY, \"AtUtc\" TEXT NOT NULL)";

    /// <summary>Objects SQLite itself makes in a live file (ANALYZE, PRAGMA optimize), with the SQL it gives them.</summary>
    private static readonly HashSet<string> SqliteOwn = new(StringComparer.Ordinal)
    {
        Row("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
        Row("table", "sqlite_stat4", "sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"),
    };

    /// <summary>Drops the legacy probe table from a private copy (a snapshot, a staged restore) when it is exactly that table.</summary>
    public static void DropLegacyProbe(string path)
    {
        using var conn = Open(path, SqliteOpenMode.ReadWrite);
        using var find = conn.CreateCommand();
        find.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $name";
        find.Parameters.AddWithValue("$name", LegacyProbeTable);
        if (find.ExecuteScalar() as string != LegacyProbeSql) return; // absent, or not ours: the schema check will say so
        using var drop = conn.CreateCommand();
        drop.CommandText = $"DROP TABLE \"{LegacyProbeTable}\"";
        drop.ExecuteNonQuery();
    }

    /// <summary>The first object in <paramref name="path"/> that the migrations up to <paramref name="migration"/> do not make, or null.</summary>
    public static string? FirstForeignObject(string path, string? migration)
    {
        var expected = Expected(migration);
        expected.UnionWith(SqliteOwn);
        using var conn = Open(path, SqliteOpenMode.ReadOnly);
        return Objects(conn).Where(o => !expected.Contains(o.Key)).Select(o => o.Label).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The rows of sqlite_master the migrations up to <paramref name="migration"/> create in a new file.</summary>
    private static HashSet<string> Expected(string? migration)
    {
        var reference = Path.Combine(Path.GetTempPath(), $"phochau-schema-{Guid.NewGuid():N}.db");
        try
        {
            var connection = new SqliteConnectionStringBuilder { DataSource = reference, Pooling = false }.ToString();
            using (var db = new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite(connection).Options))
                if (migration is not null) db.GetService<IMigrator>().Migrate(migration);
            using var conn = Open(reference, SqliteOpenMode.ReadOnly);
            return Objects(conn).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { File.Delete(reference); } catch (IOException) { }
        }
    }

    private static List<(string Key, string Label)> Objects(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        // EF's migration lock row-table is made by whichever process migrated, and holds nothing.
        cmd.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE NOT (type = 'table' AND name = '__EFMigrationsLock')";
        var rows = new List<(string, string)>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var (type, name) = (reader.GetString(0), reader.GetString(1));
            rows.Add((Row(type, name, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)), $"{type} {name}"));
        }
        return rows;
    }

    private static string Row(string type, string name, string table, string? sql) => $"{type}\u001f{name}\u001f{table}\u001f{sql}";

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = mode }.ToString());
        conn.Open();
        return conn;
    }
}
