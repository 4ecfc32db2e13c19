namespace PhoChau.Core.Persistence;

/// <summary>
/// <c>Database:Provider</c>: SQLite, the embedded default of a single commune (one file in the data folder, nothing
/// to install), or PostgreSQL for a province serving many communes from one server.
/// </summary>
public enum DatabaseProvider { Sqlite, PostgreSQL }

/// <summary>Which provider this portal runs on, for the few places that differ (backups, SQLite's pragmas and locks).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;
}
