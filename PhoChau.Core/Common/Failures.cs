using Microsoft.Data.Sqlite;

namespace PhoChau.Core.Common;

/// <summary>What went wrong with an operation, in the terms a screen can explain to its operator.</summary>
public enum FailureKind
{
    /// <summary>A rule refused it (<see cref="DomainException"/>): its message says why.</summary>
    Refused,
    /// <summary>The disk holding the data is full (SQLITE_FULL, ENOSPC, PostgreSQL's disk_full).</summary>
    DiskFull,
    /// <summary>Another writer held the database longer than the busy timeout.</summary>
    DatabaseBusy,
    /// <summary>The database cannot be written or read (read-only, I/O error, missing, damaged, its server unreachable).</summary>
    DatabaseUnavailable,
    /// <summary>Anything else: a bug; the log has the details.</summary>
    Unexpected,
}

public static class Failures
{
    public static FailureKind Classify(Exception exception)
    {
        if (exception is DomainException) return FailureKind.Refused;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 13 }:
                    return FailureKind.DiskFull;
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return FailureKind.DatabaseBusy;
                case SqliteException { SqliteErrorCode: 8 or 10 or 11 or 14 or 26 }:
                    return FailureKind.DatabaseUnavailable;
                // PostgreSQL (a province's server): its SQLSTATE classes, then a connection that failed or dropped.
                case Npgsql.PostgresException { SqlState: "53100" }:
                    return FailureKind.DiskFull;
                case Npgsql.PostgresException { SqlState: "55P03" or "40001" or "40P01" or "57014" }:
                    return FailureKind.DatabaseBusy;
                case Npgsql.PostgresException p when p.SqlState.StartsWith("08") || p.SqlState.StartsWith("57P") || p.SqlState.StartsWith("53") || p.SqlState == "55000":
                    return FailureKind.DatabaseUnavailable;
                case Npgsql.NpgsqlException and not Npgsql.PostgresException:
                    return FailureKind.DatabaseUnavailable;
                case IOException io when io.HResult == 28 || (io.HResult & 0xFFFF) is 0x70 or 0x27:
                    return FailureKind.DiskFull;
                case IOException or UnauthorizedAccessException:
                    return FailureKind.DatabaseUnavailable;
            }
        }
        return FailureKind.Unexpected;
    }
}
