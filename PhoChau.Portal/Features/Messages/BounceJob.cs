using PhoChau.Core.Messages;
using PhoChau.Portal.Hosting;
using Quartz;

namespace PhoChau.Portal.Features.Messages;

/// <summary>
/// Reads the bounce mailbox every Messages:Email:Bounces:IntervalMinutes (when one is configured), on one node at a
/// time; a mailbox that cannot be read is tried again at the next turn, and the outbox page says why.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BounceJob(BounceReader reader, DatabaseReadiness readiness) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        if (!readiness.IsReady) return;
        await reader.ReadAsync(ct); // logs and keeps its own failure
        context.Result = true;
    }
}
