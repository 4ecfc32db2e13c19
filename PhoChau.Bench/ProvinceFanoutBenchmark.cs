using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PhoChau.Core.Speakers;
using PhoChau.Portal;
using PhoChau.Portal.Hosting;
using PhoChau.Portal.Hubs;

namespace PhoChau.Bench;

/// <summary>
/// Issue 21: a province's hall over two portal nodes on one PostgreSQL. 1,000 /hubs/hall subscribers, half on each
/// node; a queue change saved on node A reaches node A's subscribers through its hub and node B's through
/// PostgreSQL's NOTIFY and B's hub. Measured: from the save on A to the last of the 1,000 receiving it, beside a bare
/// SignalR broadcast of the same payload to 1,000 subscribers of one node (the floor). Target: p95 ≤ 2× the floor.
/// Needs PHOCHAU_TEST_POSTGRES (`source .ci/postgres.sh start`).
/// </summary>
public sealed class ProvinceFanoutBenchmark : IBenchmark
{
    public string Name => "province-fanout";
    public string Description => "1,000 hub subscribers over two nodes on PostgreSQL: saved change on node A → last subscriber, beside a bare broadcast on one node";

    public async Task RunAsync(string[] args)
    {
        var subscribers = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 40;
        if (BenchDatabase.PostgresServer is not { } server)
        {
            Console.WriteLine("province-fanout: skipped, no PostgreSQL server (set PHOCHAU_TEST_POSTGRES: source .ci/postgres.sh start) (target p95 ≤ 2× the floor)");
            return;
        }
        var database = $"phochau_fanout_{Guid.NewGuid():N}";
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var dirs = new List<string>();
        var nodes = new List<WebApplication>();
        try
        {
            // The master key every node of a province shares (Keys:MasterKeyFile).
            var masterKey = Path.Combine(Directory.CreateTempSubdirectory("phochau-bench-master").FullName, "master.key");
            await File.WriteAllTextAsync(masterKey, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
            foreach (var demo in new[] { true, false })
            {
                var dir = Directory.CreateTempSubdirectory("phochau-bench-node").FullName;
                dirs.Add(dir);
                var app = PortalApp.Build([
                    "--urls", "http://127.0.0.1:0", "--environment", "Production", "--contentRoot", dir, "--Logging:LogLevel:Default", "Warning",
                    "--Data:Root", dir, "--Backup:Daily", "false", "--Database:Provider", "PostgreSQL", "--ConnectionStrings:Postgres", connection, "--Keys:MasterKeyFile", masterKey,
                    "--Seed:AdminPassword", "Bench12345", "--Seed:Demo", demo ? "true" : "false", "--Seed:DemoPassword", "Bench12345",
                    "--Security:SignInPerMinute", "1000"]);
                await app.StartAsync();
                nodes.Add(app);
            }
            foreach (var node in nodes)
                while (!node.Services.GetRequiredService<PostgresHallRelay>().IsListening) await Task.Delay(50);
            var urls = nodes.Select(n => n.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).ToList();
            var secretary = new Actor("bench", "thuky", new HashSet<string> { Roles.Secretary });
            await nodes[0].Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(secretary, 1, "Diễn tập");

            var product = await MeasureProductAsync(nodes[0], urls, secretary, subscribers, rounds);
            var floor = await MeasureFloorAsync(nodes[0], urls[0], subscribers, rounds, product.Payload);
            Console.WriteLine($"{subscribers} subscribers ({subscribers / 2} on each node), {rounds} rounds; payload ≈ {System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(product.Payload).Length} bytes");
            Console.WriteLine($"{"path",-46} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
            Print("saved on A → last subscriber on A or B", product.Times);
            Print("bare broadcast on one node → last subscriber", floor);
            Console.WriteLine($"province-fanout: p95 {Percentiles.Of(product.Times, 0.95):F1} ms = {Percentiles.Of(product.Times, 0.95) / Percentiles.Of(floor, 0.95):F2}× the bare broadcast ({Percentiles.Of(floor, 0.95):F1} ms) (target ≤ 2×)");
        }
        finally
        {
            foreach (var n in nodes) { await n.StopAsync(); await n.DisposeAsync(); }
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using (var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
            {
                await admin.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            foreach (var d in dirs) try { Directory.Delete(d, true); } catch (IOException) { }
        }
    }

    /// <summary>Subscribers that record when the message of the expected version reached the last of them.</summary>
    private sealed class Audience : IAsyncDisposable
    {
        private readonly List<HubConnection> _connections = [];
        private int _expected = int.MinValue;
        private int _received;
        private int _count;
        private long _last;
        private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public QueueChangedMessage? Last;

        public async Task ConnectAsync(string baseUrl, System.Net.CookieContainer cookies, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var c = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/hall", o => o.Cookies = cookies).Build();
                c.On<QueueChangedMessage>("QueueChanged", m =>
                {
                    if (m.Version != Volatile.Read(ref _expected)) return;
                    Interlocked.Exchange(ref _last, Stopwatch.GetTimestamp());
                    Last = m;
                    if (Interlocked.Increment(ref _received) == Volatile.Read(ref _count)) _done.TrySetResult();
                });
                await c.StartAsync();
                await c.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
                _connections.Add(c);
            }
            _count = _connections.Count;
        }

        public Task Expect(int version)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Exchange(ref _received, 0);
            Volatile.Write(ref _expected, version);
            return _done.Task;
        }

        public long LastReceived => Interlocked.Read(ref _last);

        public async ValueTask DisposeAsync()
        {
            foreach (var c in _connections) await c.DisposeAsync();
        }
    }

    private static async Task<(List<double> Times, QueueChangedMessage Payload)> MeasureProductAsync(WebApplication nodeA, List<string> urls, Actor secretary, int subscribers, int rounds)
    {
        var cookies = await HallBroadcastBenchmark.SignInAsync(urls[0], "xem"); // a cookie of one node opens the other
        await using var audience = new Audience();
        await audience.ConnectAsync(urls[0], cookies, subscribers / 2);
        await audience.ConnectAsync(urls[1], cookies, subscribers - subscribers / 2);
        var queue = nodeA.Services.GetRequiredService<SpeakerQueueService>();
        long savedAt = 0;
        using var saved = nodeA.Services.GetRequiredService<HallNotifier>().Subscribe(_ => { Interlocked.CompareExchange(ref savedAt, Stopwatch.GetTimestamp(), 0); return Task.CompletedTask; });
        var times = new List<double>();
        for (var round = -5; round < rounds; round++)
        {
            var state = await queue.GetStateAsync(1);
            var all = audience.Expect(state.Version + 1);
            Interlocked.Exchange(ref savedAt, 0);
            await queue.RegisterAsync(secretary, 1, new SpeakerInput { Name = $"Người dự {round + 10}", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Thủ tục" });
            await all.WaitAsync(TimeSpan.FromSeconds(60));
            if (round >= 0) times.Add(Stopwatch.GetElapsedTime(Interlocked.Read(ref savedAt), audience.LastReceived).TotalMilliseconds);
            await Task.Delay(20); // a hall acts a few times a second, not back to back
        }
        return (times, audience.Last!);
    }

    private static async Task<List<double>> MeasureFloorAsync(WebApplication node, string url, int subscribers, int rounds, QueueChangedMessage payload)
    {
        var cookies = await HallBroadcastBenchmark.SignInAsync(url, "xem");
        await using var audience = new Audience();
        await audience.ConnectAsync(url, cookies, subscribers);
        var hub = node.Services.GetRequiredService<IHubContext<HallHub>>();
        var times = new List<double>();
        for (var round = -5; round < rounds; round++)
        {
            var message = payload with { Version = -1000 - round - 10 };
            var all = audience.Expect(message.Version);
            var start = Stopwatch.GetTimestamp();
            await hub.Clients.Group(HallHub.Group(1)).SendAsync("QueueChanged", message);
            await all.WaitAsync(TimeSpan.FromSeconds(60));
            if (round >= 0) times.Add(Stopwatch.GetElapsedTime(start, audience.LastReceived).TotalMilliseconds);
            await Task.Delay(20);
        }
        return times;
    }

    private static void Print(string name, List<double> values) =>
        Console.WriteLine($"{name,-46} {Percentiles.Of(values, 0.5),8:F1} {Percentiles.Of(values, 0.95),8:F1} {values.Max(),8:F1}");
}
