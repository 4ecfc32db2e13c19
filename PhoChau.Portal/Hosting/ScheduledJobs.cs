using System.Globalization;
using Npgsql;
using PhoChau.Core.Messages;
using PhoChau.Portal.Features.Backups;
using PhoChau.Portal.Features.Messages;
using PhoChau.Portal.Features.PersonalData;
using Quartz;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// What runs by the clock, on Quartz.NET and the application's <see cref="TimeProvider"/>: the daily backup, the daily
/// retention of personal data, the day's reminders and the bounce mailbox. On the SQLite default the schedule lives in
/// memory (one laptop, one scheduler); on PostgreSQL it lives in the database with Quartz's clustering, so on a
/// province's nodes each firing runs on one node only, and a daily job's "done today" (its job data) is shared.
/// The outbox is not a schedule but a delivery loop (<see cref="OutboxWorker"/>): its claims already give each
/// message to one node.
/// </summary>
public static class ScheduledJobs
{
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<OutboxWorker>();
        // A node that starts after another keeps the schedule and the job data already stored (what was done today).
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddQuartz(q =>
        {
            if (PortalDataServices.Provider(configuration) == DatabaseProvider.PostgreSQL)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, configuration.GetConnectionString("Postgres")!);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    store.ProvisionSchema(); // Quartz's own tables, beside the portal's, created once
                });
            }
            Every<DailyBackupJob>(q, TimeSpan.FromMinutes(1));
            Every<RetentionJob>(q, TimeSpan.FromMinutes(10));
            Every<RemindersJob>(q, TimeSpan.FromMinutes(10));
            // The options the portal binds (their default included), read once: a schedule is made at start.
            var bounces = (configuration.GetSection("Messages").Get<MessagesOptions>() ?? new()).Email.Bounces.IntervalMinutes;
            Every<BounceJob>(q, TimeSpan.FromMinutes(Math.Max(1, bounces)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>
    /// Looks every <paramref name="interval"/>; the job itself says whether there is anything to do. A look missed
    /// (the laptop asleep, every node down) is made at once when the scheduler is back.
    /// </summary>
    private static void Every<TJob>(IQuartzBuilder q, TimeSpan interval) where TJob : IJob
    {
        var key = new JobKey(typeof(TJob).Name);
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
        q.AddTrigger(t => t.ForJob(key).WithIdentity(typeof(TJob).Name)
            .StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
    }
}

/// <summary>A job's last failure, kept in its job data: the next looks wait before trying again.</summary>
internal static class JobFailure
{
    private const string FailedAt = "FailedAt";

    public static bool Within(JobDataMap data, DateTimeOffset now, TimeSpan retryAfter) =>
        data.TryGetString(FailedAt, out var f) && now - DateTimeOffset.Parse(f!, CultureInfo.InvariantCulture) < retryAfter;

    public static void Record(JobDataMap data, DateTimeOffset now) => data[FailedAt] = now.ToString("O", CultureInfo.InvariantCulture);

    public static void Clear(JobDataMap data) => data.Remove(FailedAt);
}

/// <summary>
/// A job done once a day from an hour (Vietnam time), looked at every few minutes: a laptop switched on later does
/// it then. The day it was done and the last failure are the job's data, stored by Quartz (in the database on
/// PostgreSQL, so the nodes of a province share them); one run at a time across them. A run that did the work
/// leaves <c>true</c> as its result.
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
public abstract class DailyJob(DatabaseReadiness readiness, TimeProvider clock, ILogger log) : IJob
{
    private const string DoneOn = "DoneOn";

    protected ILogger Log => log;

    /// <summary>The hour (Vietnam time) from which the day's run is due; null when the job is off.</summary>
    protected abstract int? Hour { get; }

    /// <summary>How long after a failure before trying again.</summary>
    protected virtual TimeSpan RetryAfter => TimeSpan.FromMinutes(10);

    /// <summary>Also due before the hour on the first look after a start that has no record (the retention of a laptop off for days).</summary>
    protected virtual bool DueAtFirstStart => false;

    protected abstract Task RunAsync(CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        if (Hour is not { } hour || !readiness.IsReady) return;
        var data = context.JobDetail.JobDataMap;
        var now = clock.GetUtcNow();
        var local = VietnamTime.Now(clock);
        var today = DateOnly.FromDateTime(local).ToString("O");
        var doneOn = data.TryGetString(DoneOn, out var d) ? d : null;
        if (doneOn == today || (local.Hour < hour && !(DueAtFirstStart && doneOn is null))) return;
        if (JobFailure.Within(data, now, RetryAfter)) return;
        try
        {
            await RunAsync(ct);
            data[DoneOn] = today;
            JobFailure.Clear(data);
            context.Result = true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            JobFailure.Record(data, now);
            log.LogError(ex, "Việc hằng ngày {Job} không thành công; sẽ thử lại. / The daily job failed; it will be tried again.", GetType().Name);
        }
    }
}
