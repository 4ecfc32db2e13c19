using Microsoft.Extensions.Time.Testing;
using PhoChau.Portal.Features.Messages;
using Quartz;

namespace PhoChau.Tests.Portal.Hosting;

/// <summary>
/// The daily jobs on Quartz.NET and a fake clock: once a day from their hour (Vietnam time) on the SQLite default,
/// and once a day across two nodes sharing one PostgreSQL database (clustered store, shared "done today").
/// </summary>
public sealed class ScheduledJobsTests
{
    // 05:00 in Vietnam: before the reminders' hour (7).
    private static readonly DateTimeOffset Dawn = new(2026, 12, 7, 5, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task The_reminders_run_once_a_day_from_their_hour_on_the_SQLite_default()
    {
        var clock = new FakeTimeProvider(Dawn);
        var runs = new RunCounter();
        await using var node = Node(clock, postgres: null);
        await StartAsync(node, runs);

        await AdvanceAsync(clock, TimeSpan.FromHours(1), runs, expected: 0);      // 06:00: not yet
        await AdvanceAsync(clock, TimeSpan.FromHours(3), runs, expected: 1);      // 09:00: done once
        await AdvanceAsync(clock, TimeSpan.FromHours(20), runs, expected: 1);     // 05:00 the next day: not yet
        await AdvanceAsync(clock, TimeSpan.FromHours(4), runs, expected: 2);      // 09:00 the next day: done once more
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task The_reminders_run_once_a_day_across_two_nodes_on_PostgreSQL()
    {
        await using var database = TestPostgres.Fresh("phochau_jobs");
        var clock = new FakeTimeProvider(Dawn);
        var runs = new RunCounter();
        await using var a = Node(clock, database.ConnectionString);
        await StartAsync(a, runs);
        await using var b = Node(clock, database.ConnectionString);
        await StartAsync(b, runs);

        await AdvanceAsync(clock, TimeSpan.FromHours(1), runs, expected: 0);
        await AdvanceAsync(clock, TimeSpan.FromHours(3), runs, expected: 1);
        await AdvanceAsync(clock, TimeSpan.FromHours(24), runs, expected: 2);
        Assert.Equal(2, runs.Count);
        // Both nodes are in Quartz's cluster, whose state is in the portal's database.
        await using var db = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        await using var nodes = new Npgsql.NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state", db);
        Assert.Equal(2L, await nodes.ExecuteScalarAsync());
    }

    private static PortalFactory Node(FakeTimeProvider clock, string? postgres) => new()
    {
        Postgres = postgres,
        ConfigureServices = s => s.AddSingleton<TimeProvider>(clock),
    };

    private static async Task StartAsync(PortalFactory node, RunCounter runs)
    {
        using var client = node.NewClient(); // starts the host
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(runs, []);
    }

    /// <summary>Moves the clock half an hour at a time (a look or more), letting the schedulers fire between steps.</summary>
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by, RunCounter runs, int expected)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += TimeSpan.FromMinutes(30))
        {
            clock.Advance(TimeSpan.FromMinutes(30));
            await Task.Delay(100);
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (runs.Count < expected && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(500); // a second run would come now
        Assert.Equal(expected, runs.Count);
    }

    private sealed class RunCounter : IJobListener
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public string Name => "test-runs";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? error, CancellationToken ct = default)
        {
            if (context.JobDetail.Key.Name == nameof(RemindersJob) && context.Result is true)
                Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }
    }
}
