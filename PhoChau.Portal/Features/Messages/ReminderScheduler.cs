using PhoChau.Core.Messages;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Features.Messages;

/// <summary>
/// Queues the day's reminders and digests from <see cref="MessagesOptions.DigestHour"/> (Vietnam time), checked
/// every ten minutes: a laptop switched on later does it then; running again finds them queued (their keys).
/// </summary>
public sealed class ReminderScheduler(StaffReminders reminders, DatabaseReadiness readiness, IOptionsMonitor<MessagesOptions> options,
    TimeProvider clock, ILogger<ReminderScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            // Start-up that fails ends the portal (with its own message): nothing to deliver then.
            try { await readiness.WaitAsync(ct); }
            catch (Exception) when (!ct.IsCancellationRequested) { return; }
            DateOnly? doneOn = null;
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10));
            do
            {
                var local = VietnamTime.Now(clock);
                var today = DateOnly.FromDateTime(local);
                if (doneOn == today || local.Hour < options.CurrentValue.DigestHour) continue;
                try
                {
                    var queued = await reminders.QueueTodayAsync(ct);
                    doneOn = today;
                    if (queued > 0) log.LogInformation("Đã xếp {Count} tin nhắc việc và tổng hợp. / Queued reminders and digests.", queued);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    log.LogError(ex, "Nhắc việc không thành công; thử lại sau mười phút. / Reminders failed; trying again in ten minutes.");
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
