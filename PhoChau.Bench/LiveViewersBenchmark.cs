using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PhoChau.Core.Speakers;
using PhoChau.Portal;
using PhoChau.Portal.Features.Live;

namespace PhoChau.Bench;

/// <summary>
/// Issue 35: N citizens follow the public live page (Server-Sent Events) of a session in the hall. From a queue change
/// saved to the last viewer receiving it (p50/p95/max), the server's managed memory per viewer, and the hall's action
/// time with the viewers against without. The viewers run in another process (this program again), so the server's
/// heap holds only the server's side of each stream; both clock on the machine's monotonic clock.
/// </summary>
public sealed class LiveViewersBenchmark : IBenchmark
{
    public string Name => "live-viewers";
    public string Description => "2,000 live-page viewers (SSE): change-to-last-viewer p95, server memory per viewer, hall action p95 with vs without";

    private static readonly Actor Secretary = new("bench", "thuky", new HashSet<string> { Roles.Secretary });

    public async Task RunAsync(string[] args)
    {
        var viewers = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 40;
        var dir = Directory.CreateTempSubdirectory("phochau-bench-live").FullName;
        var app = PortalApp.Build([
            "--urls", "http://127.0.0.1:0", "--environment", "Production", "--contentRoot", dir, "--Logging:LogLevel:Default", "Warning",
            "--Data:Root", dir, "--Backup:Daily", "false", "--Kestrel:Limits:MaxConcurrentConnections", "100000",
            "--ConnectionStrings:Default", $"Data Source={Path.Combine(dir, "live.db")}", "--Seed:AdminPassword", "Bench12345",
            "--Seed:Demo", "true", "--Seed:DemoPassword", "Bench12345"]);
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await app.Services.GetRequiredService<HallSessionService>().OpenSessionAsync(Secretary, 1, "Diễn tập");
            var queue = app.Services.GetRequiredService<SpeakerQueueService>();

            var alone = await ActionsAsync(queue, rounds, "a", null);
            var heapBefore = Heap();

            var start = SelfProcess.Start(["live-viewers-client", baseUrl, viewers.ToString(CultureInfo.InvariantCulture)]);
            start.RedirectStandardOutput = true;
            using var client = Process.Start(start)!;
            var received = new ConcurrentDictionary<int, long>();
            var ready = new TaskCompletionSource();
            _ = Task.Run(async () =>
            {
                while (await client.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line == "READY") ready.TrySetResult();
                    else if (line.Split(' ') is ["V", var v, var at]) received[int.Parse(v, CultureInfo.InvariantCulture)] = long.Parse(at, CultureInfo.InvariantCulture);
                    else Console.WriteLine("viewers: " + line);
                }
            });
            await ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
            var heapWith = Heap();
            var perViewer = (heapWith - heapBefore) / (double)viewers / 1024;
            var feed = app.Services.GetRequiredService<LiveFeed>();

            var saved = new ConcurrentDictionary<int, long>();
            var withViewers = await ActionsAsync(queue, rounds, "b", saved);
            // The hall's notifier may fold two quick changes into one (the newer state): a change counts as received when
            // every viewer has it or a later one.
            long? ReceivedAt(int version) => received.Where(r => r.Key >= version).Select(r => (long?)r.Value).Min();
            var deadline = Stopwatch.StartNew();
            while (saved.Keys.Any(v => ReceivedAt(v) is null) && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
            var latencies = saved.Where(s => ReceivedAt(s.Key) is not null)
                .Select(s => Math.Max(0, Stopwatch.GetElapsedTime(s.Value, ReceivedAt(s.Key)!.Value).TotalMilliseconds)).ToList();
            var lost = saved.Count - latencies.Count;
            client.Kill(entireProcessTree: true);

            Console.WriteLine($"{feed.Viewers:N0} viewers open at the end of the rounds; {saved.Count} changes, {lost} not received by every viewer");
            Console.WriteLine($"change saved → last viewer: p50 {Percentiles.Of(latencies, 0.5):F0} ms, p95 {Percentiles.Of(latencies, 0.95):F0} ms, max {latencies.Max():F0} ms");
            Console.WriteLine($"server managed heap: {heapBefore / 1048576.0:F1} MB → {heapWith / 1048576.0:F1} MB with {viewers:N0} viewers: {perViewer:F1} KB a viewer");
            var ratio = Percentiles.Of(withViewers, 0.95) / Percentiles.Of(alone, 0.95);
            Console.WriteLine($"hall action p95: {Percentiles.Of(alone, 0.95):F1} ms alone, {Percentiles.Of(withViewers, 0.95):F1} ms with the viewers ({ratio:F2}×)");
            Console.WriteLine($"live-viewers: p95 {Percentiles.Of(latencies, 0.95):F0} ms, {perViewer:F1} KB a viewer, hall action {ratio:F2}×, {lost} lost " +
                              "(target p95 ≤ 1000 ms, ≤ 30 KB, ≤ 1.5×, 0 lost)");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    /// <summary>Registrations and next-speaker calls, one after the other, as the secretary and chair make them; ms each.</summary>
    private static async Task<List<double>> ActionsAsync(SpeakerQueueService queue, int rounds, string tag, ConcurrentDictionary<int, long>? saved)
    {
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var state = await queue.RegisterAsync(Secretary, 1, new SpeakerInput { Name = $"Người xem {tag}{i}", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Thủ tục" });
            var at = Stopwatch.GetTimestamp();
            times.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
            saved?.TryAdd(state.Version, at);
            started = Stopwatch.GetTimestamp();
            state = await queue.CallNextAsync(Secretary, 1, null);
            at = Stopwatch.GetTimestamp();
            times.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
            saved?.TryAdd(state.Version, at);
            await Task.Delay(100); // the hall's pace is people's, not a loop's: each change reaches everyone before the next
        }
        return times;
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(true);
    }

    /// <summary>
    /// The viewers' process: opens N streams of the live page, says READY once each has the whole view, then for every
    /// version prints when the last of them received it ("V version timestamp").
    /// </summary>
    public static async Task<int> ViewersMainAsync(string[] args)
    {
        var (baseUrl, n) = (args[0], int.Parse(args[1], CultureInfo.InvariantCulture));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan,
        };
        var counts = new ConcurrentDictionary<int, int>();
        var first = new CountdownEvent(n);
        var output = new object();
        var tasks = Enumerable.Range(0, n).Select(async i =>
        {
            await Task.Delay(i % 200); // not all in the same millisecond
            using var response = await http.GetAsync("/truc-tiep/1/su-kien", HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var seenFirst = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                var at = Stopwatch.GetTimestamp();
                using var doc = JsonDocument.Parse(line.AsMemory(6));
                var version = doc.RootElement.GetProperty("v").GetInt32();
                if (!seenFirst)
                {
                    seenFirst = true;
                    first.Signal();
                    continue;
                }
                if (counts.AddOrUpdate(version, 1, (_, c) => c + 1) == n)
                    lock (output) Console.WriteLine($"V {version} {at}");
            }
        }).ToList();
        first.Wait(TimeSpan.FromMinutes(3));
        lock (output) Console.WriteLine(first.CurrentCount == 0 ? "READY" : $"only {n - first.CurrentCount} of {n} connected");
        if (first.CurrentCount != 0) Console.WriteLine("READY");
        await Task.WhenAll(tasks);
        return 0;
    }
}
