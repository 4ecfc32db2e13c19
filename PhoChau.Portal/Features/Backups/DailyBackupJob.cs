using PhoChau.Core.Backups;
using PhoChau.Portal.Hosting;
using Quartz;

namespace PhoChau.Portal.Features.Backups;

/// <summary>
/// The daily backup (SQLite; PostgreSQL has the server's own): looked at every minute, made when none was made since
/// the configured hour passed. After a failure (a USB stick not plugged in, a full disk) it waits half an hour before
/// trying again, and the Sao lưu page and the dashboard show the reason.
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
public sealed class DailyBackupJob(
    DatabaseInfo database, DatabaseReadiness readiness, BackupService backups, IOptions<BackupOptions> options, TimeProvider clock,
    ILogger<DailyBackupJob> log, BackupKey key) : IJob
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(30);
    private const string ToldNoPassphrase = "ToldNoPassphrase";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        if (!options.Value.Daily || !database.IsSqlite || !readiness.IsReady) return;
        var data = context.JobDetail.JobDataMap;
        var now = clock.GetUtcNow();
        if (JobFailure.Within(data, now, RetryAfterFailure)) return;
        if (!BackupSchedule.IsDue(now.UtcDateTime, backups.LastBackupUtc(), options.Value.Hour, await backups.SinceUtcAsync(ct))) return;
        // Without the backup passphrase nothing can be sealed: said once, as what to do (the dashboard says it too).
        if (!key.IsSet)
        {
            if (!data.ContainsKey(ToldNoPassphrase))
                log.LogWarning("Chưa tạo bản sao lưu hằng ngày: chưa đặt mật khẩu sao lưu (trang Sao lưu, hoặc lệnh set-backup-passphrase). / Daily backup not made: the backup passphrase is not set yet.");
            data[ToldNoPassphrase] = true;
            return;
        }
        try
        {
            await backups.CreateAsync(BackupReason.Daily, ct: ct);
            JobFailure.Clear(data);
            context.Result = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobFailure.Record(data, now);
            log.LogError("Sao lưu hằng ngày không thành công: {Reason} / Daily backup failed", ex.Message);
        }
    }
}
