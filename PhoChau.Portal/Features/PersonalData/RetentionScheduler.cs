using PhoChau.Core.PersonalData;

namespace PhoChau.Portal.Features.PersonalData;

/// <summary>
/// The daily retention job: once a day, from the configured hour (Vietnam time), petitions past their retention
/// period are anonymised (<see cref="RetentionService"/>). A laptop that was off at that hour runs it when it starts;
/// running twice finds nothing more to do. A failure is logged and tried again the next hour.
/// </summary>
public sealed class RetentionScheduler(RetentionService retention, IOptions<PersonalDataOptions> options, TimeProvider clock, ILogger<RetentionScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (options.Value.RetentionYears <= 0) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), clock, ct); // let start-up and the first screens go first
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
            DateOnly? doneOn = null;
            DateTime? failedAt = null;
            do
            {
                var local = VietnamTime.Now(clock);
                var today = DateOnly.FromDateTime(local);
                if (doneOn == today || local.Hour < options.Value.RetentionHour && doneOn is not null) continue;
                if (failedAt is { } f && clock.GetUtcNow().UtcDateTime - f < TimeSpan.FromHours(1)) continue;
                try
                {
                    await retention.RunAsync(ct);
                    doneOn = today;
                    failedAt = null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failedAt = clock.GetUtcNow().UtcDateTime;
                    log.LogError(ex, "Việc xóa dữ liệu quá hạn lưu trữ không thành công. / Retention job failed.");
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
