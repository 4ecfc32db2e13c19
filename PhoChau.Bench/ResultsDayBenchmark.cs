using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Bench;

/// <summary>
/// Issue 21: the day results are announced. 300 citizens at once on /tra-cuu, each from its own address (127.0.0.x),
/// each opening the form and looking their petition up with its code and PIN, then reading for 1–3 s and looking again,
/// while the hall's two operators keep acting (queue-actions). Measured in the same run: lookups per second and their
/// p95 beside a static file's p95 (app.css, fetched by the same citizens), and the hall's action p95 beside its p95
/// with no citizens, in turns (three with, three without after the first) compared by their medians. Target: lookup p95
/// ≤ 3× the static file's; the hall's p95 within 1.5× of its own. The citizens' clients run in a process of their own at
/// the lowest priority (their phones are not the hall laptop); the portal, in this one, with the server GC it runs with.
/// </summary>
public sealed partial class ResultsDayBenchmark : IBenchmark
{
    public string Name => "results-day";
    public string Description => "300 citizens looking up code + PIN on /tra-cuu from their own addresses while the hall's operators act: lookup p95 vs a static file, hall p95 vs alone";

    public async Task RunAsync(string[] args)
    {
        if (!System.Runtime.GCSettings.IsServerGC)
        {
            // The hall's times depend on how the collector pauses it: measured with the server GC, which the portal's own
            // runtimeconfig sets, not this runner's workstation GC (kept for the memory figures of the other benchmarks).
            var again = SelfProcess.Start([Name, .. args]);
            again.Environment["DOTNET_gcServer"] = "1";
            using var run = Process.Start(again)!;
            await run.WaitForExitAsync();
            if (run.ExitCode != 0) throw new InvalidOperationException($"results-day ended with {run.ExitCode}");
            return;
        }
        var count = args.Length > 0 ? int.Parse(args[0]) : 300;
        var (app, dir) = await QueueActionsBenchmark.StartPortalAsync("--Public:LookupFailuresPer10Minutes", "10");
        try
        {
            var baseUrl = QueueActionsBenchmark.BaseUrl(app);
            var receipts = await ReceiptsAsync(app, count);
            // The hall alone and the hall with the citizens, measured in turns (alone, with, alone, with, …) and compared by
            // their medians: on a shared 2-core VM one measurement alone varies by half between runs, in both directions.
            // A first run, not counted, warms the code up (its tiers compile over the first thousands of actions).
            await QueueActionsBenchmark.MeasureOnAsync(app, 50, 30, 25, warmUp: 8);
            var aloneRuns = new List<QueueActionsBenchmark.Result> { await QueueActionsBenchmark.MeasureOnAsync(app, 50, 30, 25, warmUp: 0) };
            var busyRuns = new List<QueueActionsBenchmark.Result>();

            // The citizens' phones run in a process of their own at the lowest priority (nice 19): on the real day they are
            // not on the hall laptop, so their side of the traffic must not be charged to the portal. The portal's own
            // work for them, all of it, is what the hall competes with here.
            await using var citizens = await CitizensProcess.StartAsync(baseUrl, receipts);
            await Task.Delay(5000); // every citizen has opened the page once: the steady state of a results day
            var seconds = 0.0;
            for (var round = 0; round < Rounds; round++)
            {
                await citizens.SendAsync("measure 1");
                var sw = Stopwatch.StartNew();
                busyRuns.Add(await QueueActionsBenchmark.MeasureOnAsync(app, 50, 30, 25, warmUp: 0));
                seconds += sw.Elapsed.TotalSeconds;
                await citizens.SendAsync("measure 0");
                if (round == Rounds - 1) break;
                await citizens.SendAsync("active 0"); // the citizens read their answers: the hall alone again
                await Task.Delay(3000);
                aloneRuns.Add(await QueueActionsBenchmark.MeasureOnAsync(app, 50, 30, 25, warmUp: 0));
                await citizens.SendAsync("active 1");
                await Task.Delay(3000);
            }
            var (lookups, statics, failures) = await citizens.StopAsync();
            var alone = aloneRuns.OrderBy(r => r.P95).ElementAt(aloneRuns.Count / 2);
            var busy = busyRuns.OrderBy(r => r.P95).ElementAt(busyRuns.Count / 2);
            Console.WriteLine($"hall p95 alone, each turn: {string.Join(", ", aloneRuns.Select(r => r.P95.ToString("F1")))} ms; " +
                              $"with the citizens: {string.Join(", ", busyRuns.Select(r => r.P95.ToString("F1")))} ms (medians compared)");

            var l = lookups.Order().ToList();
            var s = statics.Order().ToList();
            Console.WriteLine($"{count} citizens, each from its own address: open /tra-cuu, look up code + PIN, read 1–3 s, again; {seconds:F1} s measured while the hall acted");
            Console.WriteLine($"{"",-34} {"count",7} {"per s",7} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
            Console.WriteLine($"{"lookup (POST code + PIN)",-34} {l.Count,7} {l.Count / seconds,7:F0} {Percentiles.Of(l, 0.5),8:F1} {Percentiles.Of(l, 0.95),8:F1} {l[^1],8:F1}");
            Console.WriteLine($"{"static file (app.css)",-34} {s.Count,7} {s.Count / seconds,7:F0} {Percentiles.Of(s, 0.5),8:F1} {Percentiles.Of(s, 0.95),8:F1} {s[^1],8:F1}");
            Console.WriteLine($"{"hall action, alone (median turn)",-34} {alone.Actions,7} {alone.Rate,7:F0} {alone.P50,8:F1} {alone.P95,8:F1} {alone.Max,8:F1}");
            Console.WriteLine($"{"hall action, with them (median)",-34} {busy.Actions,7} {busy.Rate,7:F0} {busy.P50,8:F1} {busy.P95,8:F1} {busy.Max,8:F1}");
            Console.WriteLine($"lookups that did not show the petition: {failures}; hall speakers lost {busyRuns.Sum(r => r.Lost)}, duplicated {busyRuns.Sum(r => r.Duplicated)}");
            Console.WriteLine($"results-day: {l.Count / seconds:F0} lookups/s, lookup p95 {Percentiles.Of(l, 0.95) / Percentiles.Of(s, 0.95):F2}× the static file's, hall p95 {busy.P95 / alone.P95:F2}× its own, {failures} failed (target ≤ 3×, ≤ 1.5×, 0 failed)");
        }
        finally
        {
            await QueueActionsBenchmark.StopPortalAsync(app, dir);
        }
    }

    /// <summary>One petition and its receipt's PIN per citizen, as the secretary records them.</summary>
    private static async Task<List<(string Code, string Pin)>> ReceiptsAsync(Microsoft.AspNetCore.Builder.WebApplication app, int count)
    {
        var secretary = new Actor("bench", "thuky", new HashSet<string> { Roles.Secretary });
        var d = await app.Services.GetRequiredService<DialogueService>().CreateAsync(secretary, new DialogueInput
        {
            Title = "Đối thoại công bố kết quả", Year = 2026, Quarter = 4, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15),
        });
        var petitions = app.Services.GetRequiredService<PetitionService>();
        var list = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var p = await petitions.CreateAsync(secretary, new PetitionInput
            {
                Consent = true, DialogueId = d.Id, PetitionerName = $"Công dân {i}", Channel = PetitionChannel.OneStopDesk,
                ReceivedOn = new DateOnly(2026, 11, 20), Field = PetitionField.Other, Text = $"Kiến nghị {i} về cấp giấy chứng nhận", Phone = "0905123456",
            });
            list.Add((p.Code, p.IssuedPin!));
        }
        return list;
    }

    /// <summary>Turns of the hall with the citizens, each followed by one without them.</summary>
    private const int Rounds = 3;

    /// <summary>
    /// The citizens' side, run by <c>PhoChau.Bench results-day-citizens {baseUrl} {receipts file}</c> under <c>nice -n 19</c>:
    /// reads "active 0|1", "measure 0|1" and "stop" on its input; on stop prints its lookups' and static files' times.
    /// </summary>
    public static async Task<int> CitizensMainAsync(string[] args)
    {
        var baseUrl = args[0];
        var receipts = File.ReadAllLines(args[1]).Select(l => l.Split(' ')).Select(p => (Code: p[0], Pin: p[1])).ToList();
        using var stop = new CancellationTokenSource();
        var lookups = new ConcurrentBag<double>();
        var statics = new ConcurrentBag<double>();
        var failures = 0;
        var measuring = false;
        var active = true;
        var people = receipts.Select((r, i) => Task.Run(() => CitizenAsync(baseUrl, $"127.0.{1 + (i + 2) / 250}.{(i + 2) % 250 + 2}", r.Code, r.Pin,
            lookups, statics, () => Interlocked.Increment(ref failures), () => Volatile.Read(ref measuring), () => Volatile.Read(ref active), stop.Token))).ToList();
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } line && line != "stop")
        {
            if (line.StartsWith("measure ", StringComparison.Ordinal)) Volatile.Write(ref measuring, line.EndsWith('1'));
            else if (line.StartsWith("active ", StringComparison.Ordinal)) Volatile.Write(ref active, line.EndsWith('1'));
        }
        await stop.CancelAsync();
        await Task.WhenAll(people);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Console.WriteLine("lookups " + string.Join(',', lookups.Select(x => x.ToString("R", invariant))));
        Console.WriteLine("statics " + string.Join(',', statics.Select(x => x.ToString("R", invariant))));
        Console.WriteLine($"failures {failures}");
        return 0;
    }

    /// <summary>The citizens' process, seen from the benchmark: started at the lowest priority, told when to measure.</summary>
    private sealed class CitizensProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private CitizensProcess(Process process) => _process = process;

        public static async Task<CitizensProcess> StartAsync(string baseUrl, List<(string Code, string Pin)> receipts)
        {
            var file = Path.GetTempFileName();
            await File.WriteAllLinesAsync(file, receipts.Select(r => $"{r.Code} {r.Pin}"));
            var start = SelfProcess.Start(["results-day-citizens", baseUrl, file], nice: true);
            start.RedirectStandardInput = start.RedirectStandardOutput = true;
            start.Environment["DOTNET_gcServer"] = "0"; // a phone's client, not the portal
            var process = Process.Start(start)!;
            if (await process.StandardOutput.ReadLineAsync() != "ready") throw new InvalidOperationException("the citizens' process did not start");
            return new CitizensProcess(process);
        }

        public async Task SendAsync(string line)
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }

        public async Task<(List<double> Lookups, List<double> Statics, int Failures)> StopAsync()
        {
            await SendAsync("stop");
            List<double> lookups = [], statics = [];
            var failures = -1;
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                var (head, tail) = (line[..line.IndexOf(' ')], line[(line.IndexOf(' ') + 1)..]);
                var values = tail.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                if (head == "lookups") lookups = values;
                else if (head == "statics") statics = values;
                else if (head == "failures") failures = (int)values[0];
            }
            await _process.WaitForExitAsync();
            return (lookups, statics, failures);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private static async Task CitizenAsync(string baseUrl, string address, string code, string pin, ConcurrentBag<double> lookups, ConcurrentBag<double> statics,
        Action failed, Func<bool> measuring, Func<bool> active, CancellationToken stop)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), AllowAutoRedirect = false,
            // Each citizen's phone is its own address: the portal's per-address limits see 300 people, not one.
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var rnd = new Random(address.GetHashCode());
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!active())
                {
                    await Task.Delay(200, stop);
                    continue;
                }
                var sw = Stopwatch.StartNew();
                (await http.GetAsync("/css/app.css", stop)).EnsureSuccessStatusCode();
                if (measuring()) statics.Add(sw.Elapsed.TotalMilliseconds);
                var token = Token().Match(await http.GetStringAsync("/tra-cuu", stop)).Groups[1].Value;
                sw.Restart();
                var answer = await http.PostAsync("/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["_handler"] = "lookup", ["Find.Code"] = code, ["Find.Pin"] = pin,
                }), stop);
                var page = await answer.Content.ReadAsStringAsync(stop);
                if (measuring()) lookups.Add(sw.Elapsed.TotalMilliseconds);
                if (!page.Contains("data-testid=\"lookup-result\"")) failed();
                await Task.Delay(1000 + rnd.Next(2000), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
