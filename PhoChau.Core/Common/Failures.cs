using Microsoft.Data.Sqlite;

namespace PhoChau.Core.Common;

/// <summary>What went wrong with an operation, in the terms a screen can explain to its operator.</summary>
public enum FailureKind
{
    /// <summary>A rule refused it (<see cref="DomainException"/>): its message says why.</summary>
    Refused,
    /// <summary>The disk holding the data is full (SQLITE_FULL, ENOSPC).</summary>
    DiskFull,
    /// <summary>Another writer held the database longer than the busy timeout.</summary>
    DatabaseBusy,
    /// <summary>The database cannot be written or read (read-only, I/O error, missing, damaged).</summary>
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
                case IOException io when io.HResult == 28 || (io.HResult & 0xFFFF) is 0x70 or 0x27:
                    return FailureKind.DiskFull;
                case IOException or UnauthorizedAccessException:
                    return FailureKind.DatabaseUnavailable;
            }
        }
        return FailureKind.Unexpected;
    }
}
