using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhoChau.Core.Monitoring;

/// <summary>Every database command's duration into phochau.db.command.duration (EF Core times it already).</summary>
public sealed class DbCommandMetrics(PortalMetrics metrics) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record("reader", eventData.Duration, false);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    {
        Record("reader", eventData.Duration, false);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record("non_query", eventData.Duration, false);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        Record("non_query", eventData.Duration, false);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record("scalar", eventData.Duration, false);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken ct = default)
    {
        Record("scalar", eventData.Duration, false);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Record(Kind(eventData.ExecuteMethod), eventData.Duration, true);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Record(Kind(eventData.ExecuteMethod), eventData.Duration, true);
        return Task.CompletedTask;
    }

    private static string Kind(DbCommandMethod method) => method switch
    {
        DbCommandMethod.ExecuteReader => "reader",
        DbCommandMethod.ExecuteScalar => "scalar",
        _ => "non_query",
    };

    private void Record(string kind, TimeSpan elapsed, bool failed)
    {
        if (metrics.RecordsDbCommands) metrics.DbCommand(kind, elapsed, failed);
    }
}
