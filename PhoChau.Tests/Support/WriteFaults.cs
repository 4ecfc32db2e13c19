using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhoChau.Tests.Support;

/// <summary>
/// Makes every database write fail as a full disk does (SQLite error 13) while <see cref="Enabled"/>; reads go on.
/// Registered in the portal's container, it joins the DbContext's interceptors.
/// </summary>
public sealed class WriteFaults : DbCommandInterceptor
{
    public volatile bool Enabled;

    private void Check(DbCommand command)
    {
        if (!Enabled) return;
        var sql = command.CommandText.TrimStart();
        if (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase))
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }
}
