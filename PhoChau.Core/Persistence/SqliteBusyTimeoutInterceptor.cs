using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Every connection waits up to <see cref="Milliseconds"/> for a lock held by another writer instead of failing
/// at once: the secretary's and the chair's screens write to the same file in the hall. Every commit reaches the disk
/// before it is acknowledged: SQLite's default, synchronous FULL, kept on purpose (DatabaseSetupTests checks it; it is
/// not set here, as that pragma reads the schema and would wait on a file another program locked). With NORMAL
/// everywhere a power cut could take back the last minutes of registrations and answers; the hall's queue commits in
/// groups instead (<see cref="GroupCommit"/>), flushing before it acknowledges.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public const int Milliseconds = 5000;
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
