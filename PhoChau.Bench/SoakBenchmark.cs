using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhoChau.Core.Backups;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Portal.Hubs;

namespace PhoChau.Bench;

/// <summary>
/// Issue 21: a compressed day on one node for 20 minutes. 300 /hubs/hall subscribers (a tenth of them leave and come
/// back every minute), Blazor screens (chair consoles and hall displays in Chromium, reloaded every 30 s, when
/// /usr/bin/chromium is there), the two operators registering and calling speakers over the hub, a new session
/// every two minutes (the old one concluded), petitions received, edited and assigned, citizens looking theirs up,
/// and a backup every five minutes. The process's memory is sampled each minute (working set, and the managed heap
/// after a full collection). The load runs in the same process as the portal (its clients' memory is steady, so a
/// growth trend is the portal's). Target: after warm-up no growth: the last five minutes within 1.1× of minutes 5–10.
/// </summary>
public sealed partial class SoakBenchmark : IBenchmark
{
    public string Name => "soak";
    public string Description => "a compressed day for 20 minutes (300 subscribers, screens, operators, petitions, lookups, backups): memory each minute";

    private static readonly Actor Secretary = new("bench", "thuky", new HashSet<string> { Roles.Secretary, Roles.Chairman });

    public async Task RunAsync(string[] args)
    {
        var minutes = args.Length > 0 ? int.Parse(args[0]) : 20;
        var subscribers = args.Length > 1 ? int.Parse(args[1]) : 300;
        var (app, dir) = await QueueActionsBenchmark.StartPortalAsync("--Public:LookupFailuresPer10Minutes", "1000");
        var stop = new CancellationTokenSource();
        var counts = new Counts();
        try
        {
            var baseUrl = QueueActionsBenchmark.BaseUrl(app);
            app.Services.GetRequiredService<BackupKey>().SetPassphrase("mat-khau-sao-luu-soak", DateTime.UtcNow);
            var session = new CurrentSession(await OpenSessionAsync(app, 0));
            var cookies = await HallBroadcastBenchmark.SignInAsync(baseUrl, "xem");
            var tasks = new List<Task>
            {
                SubscribersAsync(baseUrl, cookies, subscribers, session, counts, stop.Token),
                OperatorsAsync(baseUrl, session, counts, stop.Token),
                SessionsAsync(app, session, counts, stop.Token),
                PetitionsAsync(app, baseUrl, counts, stop.Token),
                BackupsAsync(app, counts, stop.Token),
                ScreensAsync(baseUrl, session, counts, stop.Token),
            };
            var samples = new List<(double WorkingSetMb, double HeapMb)>();
            Console.WriteLine($"{"minute",6} {"working set MB",15} {"heap MB",8} {"actions",8} {"lookups",8} {"petitions",9} {"sessions",8} {"backups",7} {"reloads",7} {"errors",6}");
            for (var minute = 1; minute <= minutes; minute++)
            {
                await Task.Delay(TimeSpan.FromMinutes(1));
                var fault = tasks.FirstOrDefault(t => t.IsFaulted);
                if (fault is not null) throw new InvalidOperationException("a load task failed", fault.Exception);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var heap = GC.GetTotalMemory(true) / 1048576.0;
                using var self = Process.GetCurrentProcess();
                var ws = self.WorkingSet64 / 1048576.0;
                samples.Add((ws, heap));
                Console.WriteLine($"{minute,6} {ws,15:F0} {heap,8:F0} {counts.Actions,8} {counts.Lookups,8} {counts.Petitions,9} {counts.Sessions,8} {counts.Backups,7} {counts.Reloads,7} {counts.Errors,6}");
            }
            await stop.CancelAsync();
            await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { })));
            // The warm-up is the first five minutes; then minutes 5–10 against the last five.
            // (A shorter run, to try it: its first half against its second.)
            var baseline = samples.Count >= 15 ? samples.Skip(4).Take(6).ToList() : samples.Take(Math.Max(1, samples.Count / 2)).ToList();
            var last = samples.Count >= 15 ? samples.TakeLast(5).ToList() : samples.Skip(samples.Count / 2).ToList();
            var wsRatio = last.Average(s => s.WorkingSetMb) / baseline.Average(s => s.WorkingSetMb);
            var heapRatio = last.Average(s => s.HeapMb) / baseline.Average(s => s.HeapMb);
            Console.WriteLine($"soak: last five minutes {wsRatio:F2}× minutes 5–10 (working set {last.Average(s => s.WorkingSetMb):F0} MB against {baseline.Average(s => s.WorkingSetMb):F0} MB; managed heap {heapRatio:F2}×), {counts.Errors} errors over {minutes} min (target ≤ 1.1×)");
        }
        finally
        {
            await stop.CancelAsync();
            await QueueActionsBenchmark.StopPortalAsync(app, dir);
        }
    }

    private sealed class Counts
    {
        public long Actions, Lookups, Petitions, Sessions, Backups, Reloads, Errors;
    }

    /// <summary>The session the hall is in; subscribers and operators follow it when it changes.</summary>
    private sealed class CurrentSession(int id)
    {
        private int _id = id;
        public int Id { get => Volatile.Read(ref _id); set => Volatile.Write(ref _id, value); }
    }

    private static async Task<int> OpenSessionAsync(Microsoft.AspNetCore.Builder.WebApplication app, long number)
    {
        var dialogues = app.Services.GetRequiredService<DialogueService>();
        var d = await dialogues.CreateAsync(Secretary, new DialogueInput { Title = $"Buổi đối thoại thử {number}", Year = 2026, Quarter = 4, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15) });
        await dialogues.MoveAsync(Secretary, d.Id, DialogueState.Announced);
        var queue = app.Services.GetRequiredService<SpeakerQueueService>();
        var lifecycle = app.Services.GetRequiredService<HallSessionService>();
        await lifecycle.OpenSessionAsync(Secretary, d.Id, "Diễn tập");
        for (var i = 0; i < 30; i++)
            await queue.RegisterAsync(Secretary, d.Id, new SpeakerInput { Name = $"Người chờ {i}", VillageOrOrganisation = "Thôn 1", Topic = "Chờ" });
        return d.Id;
    }

    /// <summary>A new session every two minutes; the one before is concluded (its screens say so).</summary>
    private static async Task SessionsAsync(Microsoft.AspNetCore.Builder.WebApplication app, CurrentSession session, Counts counts, CancellationToken stop)
    {
        var queue = app.Services.GetRequiredService<SpeakerQueueService>();
        var lifecycle = app.Services.GetRequiredService<HallSessionService>();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMinutes(2), stop);
                var old = session.Id;
                session.Id = await OpenSessionAsync(app, Interlocked.Increment(ref counts.Sessions));
                await lifecycle.ConcludeAsync(Secretary, old, "Kết luận buổi đối thoại thử");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>Hall screens over the hub: each follows the current session; a tenth leave and come back every minute.</summary>
    private static async Task SubscribersAsync(string baseUrl, CookieContainer cookies, int count, CurrentSession session, Counts counts, CancellationToken stop)
    {
        var screens = new HubConnection[count];
        var joined = new int[count];
        async Task OpenAsync(int i)
        {
            var c = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/hall", o => o.Cookies = cookies).Build();
            c.On<QueueChangedMessage>("QueueChanged", m => { });
            await c.StartAsync(stop);
            joined[i] = session.Id;
            await c.InvokeAsync<QueueChangedMessage>("JoinSession", joined[i], stop);
            screens[i] = c;
        }
        for (var i = 0; i < count; i++) await OpenAsync(i);
        var minute = 0;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stop);
                for (var i = 0; i < count; i++)
                    if (joined[i] != session.Id)
                    {
                        try
                        {
                            await screens[i].InvokeAsync("LeaveSession", joined[i], stop);
                            joined[i] = session.Id;
                            await screens[i].InvokeAsync<QueueChangedMessage>("JoinSession", joined[i], stop);
                        }
                        catch (HubException) { Interlocked.Increment(ref counts.Errors); }
                    }
                if (++minute % 12 != 0) continue;
                for (var i = minute / 12 % 10; i < count; i += 10) // a tenth go and come back
                {
                    await screens[i].DisposeAsync();
                    await OpenAsync(i);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        finally
        {
            foreach (var c in screens) if (c is not null) await c.DisposeAsync();
        }
    }

    /// <summary>The secretary registers and the chair calls the next speaker, a few times a second between them.</summary>
    private static async Task OperatorsAsync(string baseUrl, CurrentSession session, Counts counts, CancellationToken stop)
    {
        await using var secretary = await QueueActionsBenchmark.ConnectAsync(baseUrl, "thuky");
        await using var chair = await QueueActionsBenchmark.ConnectAsync(baseUrl, "chutich");
        var n = 0;
        try
        {
            while (true)
            {
                var id = session.Id;
                try
                {
                    if (n % 2 == 0) await secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", id, $"Người dự {n}", "Thôn Vĩnh Tuy", "Thủ tục", stop);
                    else await chair.InvokeAsync<QueueChangedMessage>("CallNext", id, (int?)null, stop);
                    Interlocked.Increment(ref counts.Actions);
                }
                catch (HubException) when (id != session.Id) { } // the session ended under the action: the next goes to the new one
                catch (HubException) { Interlocked.Increment(ref counts.Errors); }
                n++;
                await Task.Delay(150, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>The one-stop desk: a petition received, edited and assigned; its citizen looks it up from a phone.</summary>
    private static async Task PetitionsAsync(Microsoft.AspNetCore.Builder.WebApplication app, string baseUrl, Counts counts, CancellationToken stop)
    {
        var petitions = app.Services.GetRequiredService<PetitionService>();
        var dialogues = app.Services.GetRequiredService<DialogueService>();
        var d = await dialogues.CreateAsync(Secretary, new DialogueInput { Title = "Đối thoại nhận kiến nghị", Year = 2027, Quarter = 1, Venue = "Hội trường", SessionDate = new DateOnly(2027, 3, 16) });
        int department;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync(stop))
            department = await db.Departments.Select(x => x.Id).FirstAsync(stop);
        var receipts = new List<(string Code, string Pin)>();
        using var phone = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        var rnd = new Random(7);
        var n = 0;
        try
        {
            while (true)
            {
                var input = new PetitionInput
                {
                    Consent = true, DialogueId = d.Id, PetitionerName = $"Công dân {n}", Channel = PetitionChannel.OneStopDesk,
                    ReceivedOn = new DateOnly(2026, 12, 1), Field = PetitionField.Other, Text = $"Kiến nghị {n} về đường liên thôn", Phone = "0905123456",
                };
                var p = await petitions.CreateAsync(Secretary, input);
                input.Text += " (bổ sung)";
                await petitions.UpdateAsync(Secretary, p.Id, p.Version, input);
                await petitions.AssignAsync(Secretary, p.Id, p.Version + 1, department);
                receipts.Add((p.Code, p.IssuedPin!));
                Interlocked.Increment(ref counts.Petitions);
                for (var k = 0; k < 3; k++)
                {
                    var (code, pin) = receipts[rnd.Next(receipts.Count)];
                    var token = Token().Match(await phone.GetStringAsync("/tra-cuu", stop)).Groups[1].Value;
                    var page = await (await phone.PostAsync("/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token, ["_handler"] = "lookup", ["Find.Code"] = code, ["Find.Pin"] = pin,
                    }), stop)).Content.ReadAsStringAsync(stop);
                    if (!page.Contains("data-testid=\"lookup-result\"")) Interlocked.Increment(ref counts.Errors);
                    Interlocked.Increment(ref counts.Lookups);
                }
                n++;
                await Task.Delay(500, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    private static async Task BackupsAsync(Microsoft.AspNetCore.Builder.WebApplication app, Counts counts, CancellationToken stop)
    {
        var backups = app.Services.GetRequiredService<BackupService>();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMinutes(5), stop);
                await backups.CreateAsync(BackupReason.Manual, ct: stop);
                Interlocked.Increment(ref counts.Backups);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>Chair consoles and hall displays (Blazor circuits), reloaded every 30 s on the current session.</summary>
    private static async Task ScreensAsync(string baseUrl, CurrentSession session, Counts counts, CancellationToken stop)
    {
        await using var browser = await BenchBrowser.SignedInAsync(baseUrl, "chutich", "screens (hub subscribers only)");
        if (browser is null) return;
        var context = browser.Context;
        var pages = new List<(IPage Page, string Kind)>();
        foreach (var kind in new[] { "chair", "display", "chair", "display" }) pages.Add((await context.NewPageAsync(), kind));
        try
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var (page, kind) in pages)
                {
                    await page.GotoAsync($"{baseUrl}/sessions/{session.Id}/{kind}");
                    await page.WaitForSelectorAsync("[data-interactive=true]");
                    Interlocked.Increment(ref counts.Reloads);
                }
                await Task.Delay(TimeSpan.FromSeconds(30), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
