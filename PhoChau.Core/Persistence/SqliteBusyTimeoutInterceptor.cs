using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Every connection waits up to <see cref="Milliseconds"/> for a lock held by another writer instead of failing
/// at once: the secretary's and the chair's screens write to the same file in the hall.
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
