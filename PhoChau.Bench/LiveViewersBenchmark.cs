using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PhoChau.Core.Speakers;
using PhoChau.Portal;
using Npgsql;
using PhoChau.Portal.Features.Live;
using PhoChau.Portal.Hosting;

namespace PhoChau.Bench;

/// <summary>
/// Issue 35: N citizens follow the public live page (Server-Sent Events) of a session in the hall. From a queue change
/// saved to the last viewer receiving it (p50/p95/max), the server's managed memory per viewer, and the hall's action
/// time with the viewers against without. The viewers run in another process (this program again), so the server's
/// heap holds only the server's side of each stream; both clock on the machine's monotonic clock. With "two-nodes",
/// a province's two nodes on PostgreSQL (PHOCHAU_TEST_POSTGRES), half the viewers on each.
/// </summary>
public sealed class LiveViewersBenchmark : IBenchmark
{
    public string Name => "live-viewers";
    public string Description => "2,000 live-page viewers (SSE): change-to-last-viewer p95, server memory per viewer, hall action p95 with vs without";

    private static readonly Actor Secretary = new("bench", "thuky", new HashSet<string> { Roles.Secretary });

    public async Task RunAsync(string[] args)
    {
        // "two-nodes": the province's set-up, two portal nodes on one PostgreSQL, half the viewers on each; the changes
        // are saved on the first and reach the second's viewers through PostgresHallRelay (LISTEN/NOTIFY).
        var twoNodes = args.Contains("two-nodes");
        var numbers = args.Where(a => a != "two-nodes").ToArray();
        var viewers = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 2000;
        var rounds = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 40;
        if (twoNodes && BenchDatabase.PostgresServer is null)
        {
            Console.WriteLine("live-viewers two-nodes: skipped, no PostgreSQL server (set PHOCHAU_TEST_POSTGRES: source .ci/postgres.sh start)");
            return;
        }
        await using var nodes = await Nodes.StartAsync(twoNodes ? 2 : 1);
        var urls = nodes.Apps.Select(n => n.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).ToList();
        var hall = nodes.Apps[0].Services;
        await hall.GetRequiredService<HallSessionService>().OpenSessionAsync(Secretary, 1, "Diễn tập");
        var queue = hall.GetRequiredService<SpeakerQueueService>();

        var alone = await ActionsAsync(queue, rounds, "a", null);
        var heapBefore = Heap();

        var start = SelfProcess.Start(["live-viewers-client", string.Join(',', urls), viewers.ToString(CultureInfo.InvariantCulture)]);
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

        var open = string.Join(" + ", nodes.Apps.Select(n => n.Services.GetRequiredService<LiveFeed>().Viewers.ToString("N0", CultureInfo.InvariantCulture)));
        var where = twoNodes ? "two nodes on PostgreSQL, saved on the first" : "one node on SQLite";
        Console.WriteLine($"{where}: {open} viewers open at the end of the rounds; {saved.Count} changes, {lost} not received by every viewer");
        Console.WriteLine($"change saved → last viewer: p50 {Percentiles.Of(latencies, 0.5):F0} ms, p95 {Percentiles.Of(latencies, 0.95):F0} ms, max {latencies.Max():F0} ms");
        Console.WriteLine($"server managed heap ({nodes.Apps.Count} node(s) in this process): {heapBefore / 1048576.0:F1} MB → {heapWith / 1048576.0:F1} MB with {viewers:N0} viewers: {perViewer:F1} KB a viewer");
        var ratio = Percentiles.Of(withViewers, 0.95) / Percentiles.Of(alone, 0.95);
        Console.WriteLine($"hall action p95: {Percentiles.Of(alone, 0.95):F1} ms alone, {Percentiles.Of(withViewers, 0.95):F1} ms with the viewers ({ratio:F2}×)");
        Console.WriteLine($"live-viewers{(twoNodes ? " two-nodes" : "")}: p95 {Percentiles.Of(latencies, 0.95):F0} ms, {perViewer:F1} KB a viewer, hall action {ratio:F2}×, {lost} lost " +
                          "(target p95 ≤ 1000 ms, ≤ 30 KB, ≤ 1.5×, 0 lost)");
    }

    /// <summary>The portal nodes under test: one on SQLite, or two sharing a PostgreSQL database and a master key.</summary>
    private sealed class Nodes : IAsyncDisposable
    {
        private readonly List<string> _dirs = [];
        private string? _database;
        public List<WebApplication> Apps { get; } = [];

        public static async Task<Nodes> StartAsync(int count)
        {
            var nodes = new Nodes();
            try
            {
                string[] database;
                if (count == 1)
                    database = ["--ConnectionStrings:Default", $"Data Source={Path.Combine(nodes.Dir(), "live.db")}"];
                else
                {
                    nodes._database = $"phochau_live_{Guid.NewGuid():N}";
                    var masterKey = Path.Combine(nodes.Dir(), "master.key");
                    await File.WriteAllTextAsync(masterKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
                    database = ["--Database:Provider", "PostgreSQL", "--Keys:MasterKeyFile", masterKey, "--ConnectionStrings:Postgres",
                        new NpgsqlConnectionStringBuilder(BenchDatabase.PostgresServer) { Database = nodes._database }.ConnectionString];
                }
                for (var i = 0; i < count; i++)
                {
                    var dir = nodes.Dir();
                    var app = PortalApp.Build([
                        "--urls", "http://127.0.0.1:0", "--environment", "Production", "--contentRoot", dir, "--Logging:LogLevel:Default", "Warning",
                        "--Data:Root", dir, "--Backup:Daily", "false", "--Kestrel:Limits:MaxConcurrentConnections", "100000",
                        "--Seed:AdminPassword", "Bench12345", "--Seed:Demo", i == 0 ? "true" : "false", "--Seed:DemoPassword", "Bench12345",
                        .. database]);
                    await app.StartAsync();
                    nodes.Apps.Add(app);
                }
                if (count > 1)
                    foreach (var app in nodes.Apps)
                        while (!app.Services.GetRequiredService<PostgresHallRelay>().IsListening) await Task.Delay(50);
                return nodes;
            }
            catch
            {
                await nodes.DisposeAsync();
                throw;
            }
        }

        private string Dir()
        {
            var dir = Directory.CreateTempSubdirectory("phochau-bench-live").FullName;
            _dirs.Add(dir);
            return dir;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var app in Apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(BenchDatabase.PostgresServer) { Database = "postgres" }.ConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            foreach (var d in _dirs) try { Directory.Delete(d, true); } catch (IOException) { }
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
        var (baseUrls, n) = (args[0].Split(','), int.Parse(args[1], CultureInfo.InvariantCulture));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var counts = new ConcurrentDictionary<int, int>();
        var first = new CountdownEvent(n);
        var output = new object();
        var tasks = Enumerable.Range(0, n).Select(async i =>
        {
            await Task.Delay(i % 200); // not all in the same millisecond
            using var response = await http.GetAsync(baseUrls[i % baseUrls.Length] + "/truc-tiep/1/su-kien", HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var seenFirst = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith("data: {", StringComparison.Ordinal)) continue; // not a heartbeat's empty data
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
