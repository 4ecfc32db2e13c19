using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using PhoChau.Core.Speakers;
using PhoChau.Portal;
using PhoChau.Portal.Hubs;

namespace PhoChau.Bench;

/// <summary>
/// Issue "live hall": with N SignalR connections on loopback, the time from a queue change being saved to the
/// last subscriber receiving QueueChanged, side by side with a bare broadcast of the same payload (the floor);
/// then the server memory per open chair console (Blazor circuit), with Debian Chromium when present.
/// </summary>
public sealed partial class HallBroadcastBenchmark : IBenchmark
{
    public string Name => "hall-broadcast";
    public string Description => "QueueChanged latency to 300 SignalR subscribers vs a bare broadcast; memory per chair-console circuit";

    public async Task RunAsync(string[] args)
    {
        var subscribers = args.Length > 0 ? int.Parse(args[0]) : 300;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 40;
        var circuits = args.Length > 2 ? int.Parse(args[2]) : 10;
        var dir = Directory.CreateTempSubdirectory("phochau-bench-hall").FullName;
        var app = PortalApp.Build([
            "--urls", "http://127.0.0.1:0", "--environment", "Production", "--contentRoot", dir, "--Logging:LogLevel:Default", "Warning",
            "--Data:Root", dir, "--Backup:Daily", "false",
            "--ConnectionStrings:Default", $"Data Source={Path.Combine(dir, "hall.db")}", "--Seed:AdminPassword", "Bench12345",
            "--Seed:Demo", "true", "--Seed:DemoPassword", "Bench12345"]);
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var secretary = new Actor("bench", "thuky", new HashSet<string> { Roles.Secretary });
            await app.Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(secretary, 1, "Diễn tập");
            var ratio = await MeasureBroadcastAsync(app, baseUrl, secretary, subscribers, rounds);
            await MeasureCircuitsAsync(app, baseUrl, circuits);
            Console.WriteLine($"hall-broadcast: p95 {ratio:F2}× the bare broadcast (target ≤ 1.5×)");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static async Task<double> MeasureBroadcastAsync(WebApplication app, string baseUrl, Actor secretary, int subscribers, int rounds)
    {
        var cookies = await SignInAsync(baseUrl, "xem");
        var connections = new List<HubConnection>();
        var received = 0;
        long lastReceived = 0;
        var expectedVersion = -1;
        QueueChangedMessage? lastMessage = null;
        var done = new TaskCompletionSource();
        for (var i = 0; i < subscribers; i++)
        {
            var c = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/hall", o => o.Cookies = cookies).Build();
            c.On<QueueChangedMessage>("QueueChanged", m =>
            {
                if (m.Version != Volatile.Read(ref expectedVersion)) return;
                Interlocked.Exchange(ref lastReceived, Stopwatch.GetTimestamp());
                Volatile.Write(ref lastMessage, m);
                if (Interlocked.Increment(ref received) == subscribers) done.TrySetResult();
            });
            await c.StartAsync();
            await c.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
            connections.Add(c);
        }

        var queue = app.Services.GetRequiredService<SpeakerQueueService>();
        var hub = app.Services.GetRequiredService<IHubContext<HallHub>>();
        long savedAt = 0;
        using var saved = app.Services.GetRequiredService<HallNotifier>().Subscribe(_ => { Interlocked.CompareExchange(ref savedAt, Stopwatch.GetTimestamp(), 0); return Task.CompletedTask; });

        var product = new List<double>();
        var floor = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            // Product path: save a registration; the notifier fires right after the commit, the relay reads and sends.
            var state = await queue.GetStateAsync(1);
            Reset(state.Version + 1);
            Interlocked.Exchange(ref savedAt, 0);
            await queue.RegisterAsync(secretary, 1, new SpeakerInput { Name = $"Người dự {round}", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Thủ tục" });
            await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (round > 0) product.Add(Stopwatch.GetElapsedTime(Interlocked.Read(ref savedAt), Interlocked.Read(ref lastReceived)).TotalMilliseconds);

            // Floor: the same payload (what the subscribers just received) broadcast straight to the group, nothing read or saved.
            var payload = Volatile.Read(ref lastMessage)! with { Version = -1000 - round };
            Reset(payload.Version);
            var start = Stopwatch.GetTimestamp();
            await hub.Clients.Group(HallHub.Group(1)).SendAsync("QueueChanged", payload);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (round > 0) floor.Add(Stopwatch.GetElapsedTime(start, Interlocked.Read(ref lastReceived)).TotalMilliseconds);
        }
        var size = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(lastMessage).Length;
        Console.WriteLine($"{subscribers} subscribers, {rounds} rounds each, QueueChanged payload ≈ {size:N0} bytes (JSON: the speakers a registration changed; {rounds + 6} in the queue at the end)");
        Console.WriteLine($"{"path",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        Print("saved change → last subscriber", product);
        Print("bare broadcast → last subscriber", floor);
        foreach (var c in connections) await c.DisposeAsync();
        return Percentiles.Of(product, 0.95) / Percentiles.Of(floor, 0.95);

        void Reset(int version)
        {
            Volatile.Write(ref expectedVersion, version);
            Interlocked.Exchange(ref received, 0);
            done = new TaskCompletionSource();
        }
    }

    private static async Task MeasureCircuitsAsync(WebApplication app, string baseUrl, int circuits)
    {
        await using var browser = await BenchBrowser.SignedInAsync(baseUrl, "chutich", "memory per chair console");
        if (browser is null) return;
        var context = browser.Context;

        var before = ServerMemory();
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl + "/sessions/1/chair");
            await page.WaitForSelectorAsync("[data-interactive=true]");
            pages.Add(page);
        }
        await Task.Delay(1000);
        var after = ServerMemory();
        Console.WriteLine($"memory per chair console circuit: {(after - before) / circuits / 1024.0:F0} KB (managed heap after full GC, {circuits} circuits open, in-process server)");
        foreach (var p in pages) await p.CloseAsync();
    }

    private static long ServerMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    private static void Print(string name, List<double> values) =>
        Console.WriteLine($"{name,-34} {Percentiles.Of(values, 0.5),8:F1} {Percentiles.Of(values, 0.95),8:F1} {values.Max(),8:F1}");

    internal static async Task<CookieContainer> SignInAsync(string baseUrl, string user)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var token = Token().Match(await http.GetStringAsync("/account/login")).Groups[1].Value;
        await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = user, ["password"] = "Bench12345", ["returnUrl"] = "/",
        }));
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
