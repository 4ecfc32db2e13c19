using PhoChau.Core.Messages;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Features.Messages;

/// <summary>
/// Delivers the outbox while the portal runs: once the database is ready, a batch at a time, at once again while
/// batches come full, else every two seconds. On several nodes each runs one; the claim gives each message to one.
/// </summary>
public sealed class OutboxWorker(OutboxDelivery delivery, DatabaseReadiness readiness, TimeProvider clock, ILogger<OutboxWorker> log) : BackgroundService
{
    public const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            // Start-up that fails ends the portal (with its own message): nothing to deliver then.
            try { await readiness.WaitAsync(ct); }
            catch (Exception) when (!ct.IsCancellationRequested) { return; }
            while (!ct.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await delivery.DeliverDueAsync(Batch, 4, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    log.LogError(ex, "Gửi tin không thành công; sẽ thử lại. / Outbox delivery failed; trying again shortly.");
                }
                if (claimed < Batch) await Task.Delay(TimeSpan.FromSeconds(2), clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
