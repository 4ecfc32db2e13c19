using PhoChau.Core.Messages;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Features.Messages;

/// <summary>
/// Reads the bounce mailbox every <see cref="BounceOptions.IntervalMinutes"/> (when one is configured); a mailbox
/// that cannot be read is tried again at the next turn, and the outbox page says why.
/// </summary>
public sealed class BounceScheduler(BounceReader reader, DatabaseReadiness readiness, IOptionsMonitor<MessagesOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            // Start-up that fails ends the portal (with its own message): nothing to read then.
            try { await readiness.WaitAsync(ct); }
            catch (Exception) when (!ct.IsCancellationRequested) { return; }
            while (!ct.IsCancellationRequested)
            {
                await reader.ReadAsync(ct); // logs and keeps its own failure
                await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.Email.Bounces.IntervalMinutes)), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
