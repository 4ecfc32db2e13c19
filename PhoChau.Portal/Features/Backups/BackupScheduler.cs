using PhoChau.Core.Backups;

namespace PhoChau.Portal.Features.Backups;

/// <summary>
/// The daily backup: checked every minute, made when none was made since the configured hour passed. After a
/// failure (a USB stick not plugged in, a full disk) it waits half an hour before trying again, and the
/// Sao lưu page and the dashboard show the reason.
/// </summary>
public sealed class BackupScheduler(
    DatabaseInfo database, BackupService backups, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupScheduler> log, BackupKey key)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.Value.Daily || !database.IsSqlite) return; // PostgreSQL: the server's own backups
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), clock, ct); // let start-up finish first
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
            DateTime? failedAt = null;
            var toldNoPassphrase = false;
            do
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (failedAt is { } f && now - f < RetryAfterFailure) continue;
                if (!BackupSchedule.IsDue(now, backups.LastBackupUtc(), options.Value.Hour, await backups.SinceUtcAsync(ct))) continue;
                // Without the backup passphrase nothing can be sealed: said once, as what to do (the dashboard says it too).
                if (!key.IsSet)
                {
                    if (!toldNoPassphrase) log.LogWarning("Chưa tạo bản sao lưu hằng ngày: chưa đặt mật khẩu sao lưu (trang Sao lưu, hoặc lệnh set-backup-passphrase). / Daily backup not made: the backup passphrase is not set yet.");
                    toldNoPassphrase = true;
                    continue;
                }
                try
                {
                    await backups.CreateAsync(BackupReason.Daily, ct: ct);
                    failedAt = null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failedAt = now;
                    log.LogError("Sao lưu hằng ngày không thành công: {Reason} / Daily backup failed", ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
