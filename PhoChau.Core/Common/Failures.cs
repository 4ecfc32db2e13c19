using Microsoft.Data.Sqlite;
using Npgsql;

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

/// <summary>The one place a fault is told apart: what a screen explains, and whether a disk is full.</summary>
public static class Failures
{
    public static FailureKind Classify(Exception exception)
    {
        if (exception is DomainException) return FailureKind.Refused;
        foreach (var e in Chain(exception))
            if (KindOf(e) is { } kind) return kind;
        return FailureKind.Unexpected;
    }

    /// <summary>Whether any exception in the chain says the disk is full (a backup's USB stick, the data disk).</summary>
    public static bool IsDiskFull(Exception exception) => Chain(exception).Any(e => KindOf(e) == FailureKind.DiskFull);

    /// <summary>The first exception of type <typeparamref name="T"/> in the chain (the exception and its inner ones), or null.</summary>
    public static T? Find<T>(Exception? exception) where T : Exception => Chain(exception).OfType<T>().FirstOrDefault();

    /// <summary>The exception, then each inner one.</summary>
    public static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }

    private static FailureKind? KindOf(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 13 } => FailureKind.DiskFull,
        SqliteException { SqliteErrorCode: 5 or 6 } => FailureKind.DatabaseBusy,
        SqliteException { SqliteErrorCode: 8 or 10 or 11 or 14 or 26 } => FailureKind.DatabaseUnavailable,
        // PostgreSQL (a province's server): its SQLSTATE classes, then a connection that failed or dropped.
        PostgresException { SqlState: "53100" } => FailureKind.DiskFull,
        PostgresException { SqlState: "55P03" or "40001" or "40P01" or "57014" } => FailureKind.DatabaseBusy,
        PostgresException p when p.SqlState.StartsWith("08") || p.SqlState.StartsWith("57P") || p.SqlState.StartsWith("53") || p.SqlState == "55000"
            => FailureKind.DatabaseUnavailable,
        NpgsqlException and not PostgresException => FailureKind.DatabaseUnavailable,
        // ENOSPC (28) on Linux; ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows; the message where a stream hides the code.
        IOException io when io.HResult == 28 || (io.HResult & 0xFFFF) is 0x70 or 0x27 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
            => FailureKind.DiskFull,
        IOException or UnauthorizedAccessException => FailureKind.DatabaseUnavailable,
        _ => null,
    };
}
