using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Speakers;
using PhoChau.Portal;
using PhoChau.Portal.Hubs;

namespace PhoChau.Bench;

/// <summary>
/// Issue "Speed": two operators (the secretary and the chair) acting on the queue over the real /hubs/hall on
/// loopback, as fast as each can: registrations and next-speaker calls, one in ten with a version the screen saw
/// before (refused, as it must be). Actions per second, time per action, and the speakers lost or duplicated.
/// Target: over 300 actions/s with a 50-speaker queue, p95 under 15 ms, 0 lost, 0 duplicated.
/// </summary>
public sealed partial class QueueActionsBenchmark : IBenchmark
{
    // The first sessions are not counted: a portal that runs all day has long finished compiling its hot paths (tiered
    // JIT), while a fresh process is still at it for the first thousand or so actions (8 sessions left 229–321/s).
    private const int WarmUpRounds = 20;
    private static int _runs;

    public string Name => "queue-actions";
    public string Description => "two operators registering and calling speakers over /hubs/hall (50 waiting): actions/s, p50/p95 per action, lost/duplicated";

    public async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0]) : 20;
        var perOperator = args.Length > 1 ? int.Parse(args[1]) : 25;
        var warmUp = args.Length > 2 ? int.Parse(args[2]) : WarmUpRounds;
        var r = await MeasureAsync(50, rounds, perOperator, warmUp);
        Console.WriteLine($"queue-actions: {r.Rate:F0} actions/s, p95 {r.P95:F1} ms, {r.Lost} lost, {r.Duplicated} duplicated (target > 300/s, p95 < 15 ms, 0 lost, 0 duplicated)");
    }

    /// <summary>What one run measured: actions per second, time per action, speakers lost or duplicated.</summary>
    public sealed record Result(int Waiting, int Actions, double Rate, double P50, double P95, double Max, int Lost, int Duplicated)
    {
        public double MsPerAction => 1000 / Rate;
    }

    /// <summary>
    /// Sessions whose queue starts with <paramref name="waiting"/> speakers; in each, two operators act as fast as they
    /// can. The first <paramref name="warmUp"/> sessions are not counted: .NET's tiered JIT goes on recompiling the hot
    /// paths for the first few hundred actions, which a portal that runs all day pays once.
    /// </summary>
    public static async Task<Result> MeasureAsync(int waiting, int rounds, int perOperator, int warmUp)
    {
        var (app, dir) = await StartPortalAsync();
        try
        {
            return await MeasureOnAsync(app, waiting, rounds, perOperator, warmUp);
        }
        finally
        {
            await StopPortalAsync(app, dir);
        }
    }

    /// <summary>The demo portal on a loopback port, as the benchmarks of the hall run it.</summary>
    public static async Task<(WebApplication App, string Dir)> StartPortalAsync(params string[] extra)
    {
        var dir = Directory.CreateTempSubdirectory("phochau-bench-queue").FullName;
        var app = PortalApp.Build([
            "--urls", "http://127.0.0.1:0", "--environment", "Production", "--contentRoot", dir, "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore.SignalR", "None",
            "--Data:Root", dir, "--Backup:Daily", "false", "--Security:SignInPerMinute", "100",
            "--Seed:AdminPassword", "Bench12345", "--Seed:Demo", "true", "--Seed:DemoPassword", "Bench12345", .. extra]);
        await app.StartAsync();
        return (app, dir);
    }

    public static string BaseUrl(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task StopPortalAsync(WebApplication app, string dir)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    /// <summary>The two operators' measurement on a running portal.</summary>
    public static async Task<Result> MeasureOnAsync(WebApplication app, int waiting, int rounds, int perOperator, int warmUp)
    {
        {
            var run = Interlocked.Increment(ref _runs); // several measurements on one portal: each its own sessions
            var baseUrl = BaseUrl(app);
            var secretary = new Actor("bench", "thuky", new HashSet<string> { Roles.Secretary });
            var dialogues = app.Services.GetRequiredService<DialogueService>();
            var queue = app.Services.GetRequiredService<SpeakerQueueService>();
            var lifecycle = app.Services.GetRequiredService<HallSessionService>();
            var operators = new[] { await ConnectAsync(baseUrl, "thuky"), await ConnectAsync(baseUrl, "chutich") };
            var registered = new ConcurrentBag<(int Session, string Name)>();
            var times = new ConcurrentBag<double>();
            var refused = 0;
            var called = new ConcurrentDictionary<int, int>();
            var measured = TimeSpan.Zero;
            var sessions = new List<int>();

            for (var round = 1 - warmUp; round <= rounds; round++)
            {
                var d = await dialogues.CreateAsync(secretary, new DialogueInput { Title = $"Đối thoại thử {run}-{round}", Year = 2026, Quarter = 4, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15) });
                await dialogues.MoveAsync(secretary, d.Id, DialogueState.Announced);
                await lifecycle.OpenSessionAsync(secretary, d.Id, "Diễn tập");
                for (var i = 0; i < waiting; i++)
                    await queue.RegisterAsync(secretary, d.Id, new SpeakerInput { Name = $"Người chờ {i}", VillageOrOrganisation = "Thôn 1", Topic = "Chờ" });
                var sw = Stopwatch.StartNew();
                var bag = round <= 0 ? new ConcurrentBag<double>() : times;
                await RunOperatorsAsync(operators, d.Id, perOperator, $"v{run}-{round}", registered, bag,
                    () => { if (round > 0) Interlocked.Increment(ref refused); }, () => called.AddOrUpdate(d.Id, 1, (_, n) => n + 1));
                if (round > 0) { measured += sw.Elapsed; sessions.Add(d.Id); }
            }

            var lost = 0;
            var duplicated = 0;
            var callsLost = 0;
            foreach (var id in sessions)
            {
                var state = await queue.GetStateAsync(id);
                var names = state.Queue.Select(q => q.Name).ToList();
                lost += registered.Where(r => r.Session == id).Count(r => !names.Contains(r.Name));
                duplicated += names.GroupBy(n => n).Count(g => g.Count() > 1);
                callsLost += Math.Abs(called.GetValueOrDefault(id) - state.Queue.Count(q => q.Status is SpeakerStatus.Done or SpeakerStatus.Speaking));
            }
            var actions = times.Count;
            var rate = actions / measured.TotalSeconds;
            var sorted = times.Order().ToList();
            Console.WriteLine($"{rounds} sessions of {waiting} waiting speakers; in each, two operators make {perOperator} actions each (a registration, then a next-speaker call, one call in ten with an old version)");
            Console.WriteLine($"{actions:N0} actions in {measured.TotalSeconds:F1} s; refused as stale {refused:N0} (retried, each try counted)");
            Console.WriteLine($"per action (hub round trip): p50 {Percentiles.Of(sorted, 0.5):F1} ms, p95 {Percentiles.Of(sorted, 0.95):F1} ms, max {sorted[^1]:F1} ms");
            Console.WriteLine($"lost speakers: {lost}, duplicated speakers: {duplicated}, next-speaker calls lost: {callsLost}");
            foreach (var o in operators) await o.DisposeAsync();
            return new Result(waiting, actions, rate, Percentiles.Of(sorted, 0.5), Percentiles.Of(sorted, 0.95), sorted[^1], lost + callsLost, duplicated);
        }
    }

    /// <summary>
    /// Each operator alternates a registration and a next-speaker call with the newest version its screen has seen
    /// (its own answers and the QueueChanged broadcasts); every tenth call sends an older one, as a screen that had
    /// not caught up would.
    /// </summary>
    private static Task RunOperatorsAsync(HubConnection[] operators, int session, int perOperator, string tag, ConcurrentBag<(int, string)> registered,
        ConcurrentBag<double> times, Action onRefused, Action onCalled) =>
        Task.WhenAll(operators.Select((connection, index) => Task.Run(async () =>
        {
            var version = (await connection.InvokeAsync<QueueChangedMessage>("JoinSession", session)).Version;
            using var _ = connection.On<QueueChangedMessage>("QueueChanged", m => { if (m.SessionId == session && m.Version > Volatile.Read(ref version)) Volatile.Write(ref version, m.Version); });
            var stale = version;
            for (var i = 0; i < perOperator; i++)
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    QueueChangedMessage state;
                    if (i % 2 == 0)
                    {
                        var name = $"Người {tag} {index}-{i}";
                        state = await connection.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", session, name, "Thôn Vĩnh Tuy", "Thủ tục");
                        registered.Add((session, name));
                    }
                    else
                    {
                        var seen = i % 10 == 1 ? stale : Volatile.Read(ref version);
                        state = await connection.InvokeAsync<QueueChangedMessage>("CallNext", session, seen);
                        onCalled();
                    }
                    stale = Volatile.Read(ref version);
                    if (state.Version > stale) Volatile.Write(ref version, state.Version);
                }
                catch (HubException)
                {
                    // Refused: the screen now shows the current list; the chair presses N again (counted as its own action).
                    onRefused();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    sw.Restart();
                    var state = await connection.InvokeAsync<QueueChangedMessage>("CallNext", session, (int?)null);
                    onCalled();
                    if (state.Version > Volatile.Read(ref version)) Volatile.Write(ref version, state.Version);
                }
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            await connection.InvokeAsync("LeaveSession", session);
        })));

    internal static async Task<HubConnection> ConnectAsync(string baseUrl, string user)
    {
        var cookies = new CookieContainer();
        using (var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        using (var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) })
        {
            var token = Token().Match(await http.GetStringAsync("/account/login")).Groups[1].Value;
            await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["userName"] = user, ["password"] = "Bench12345", ["returnUrl"] = "/",
            }));
        }
        var connection = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/hall", o => o.Cookies = cookies).Build();
        await connection.StartAsync();
        return connection;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
