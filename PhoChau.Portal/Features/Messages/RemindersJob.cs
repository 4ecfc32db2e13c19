using PhoChau.Core.Messages;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Features.Messages;

/// <summary>
/// Queues the day's reminders and digests from <see cref="MessagesOptions.DigestHour"/> (Vietnam time): a laptop
/// switched on later does it then; running again finds them queued (their keys).
/// </summary>
public sealed class RemindersJob(StaffReminders reminders, IOptionsMonitor<MessagesOptions> options, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<RemindersJob> log) : DailyJob(readiness, clock, log)
{
    protected override int? Hour => options.CurrentValue.DigestHour;

    protected override async Task RunAsync(CancellationToken ct)
    {
        var queued = await reminders.QueueTodayAsync(ct);
        if (queued > 0) Log.LogInformation("Đã xếp {Count} tin nhắc việc và tổng hợp. / Queued reminders and digests.", queued);
    }
}
