using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhoChau.Core.Messages;
using PhoChau.Core.Persistence;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using PhoChau.Core.Choices;

namespace PhoChau.Bench;

/// <summary>
/// Issue 24: 10,000 messages (half e-mail to a local SMTP server, half SMS to a local HTTP gateway) queued in the
/// outbox and delivered by its worker: messages per second, and the time a new message waits (queued while the
/// worker idles, as a petition received at the counter); beside the floor, the same messages sent directly through
/// the same senders with the same parallelism and no outbox. On PostgreSQL when PHOCHAU_TEST_POSTGRES is set.
/// </summary>
public sealed class MessagesBenchmark : IBenchmark
{
    public string Name => "messages";
    public string Description => "10,000 messages through the outbox to local SMTP and HTTP servers, beside a direct send (the floor)";

    public async Task RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        const int parallel = 8, batch = 100;
        var smtpPort = FreePort();
        var received = 0;
        using var stopSmtp = new CancellationTokenSource();
        var smtpOptions = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, smtpPort))).Build();
        var smtpServices = new SmtpServer.ComponentModel.ServiceProvider();
        smtpServices.Add(new CountingStore(() => Interlocked.Increment(ref received)));
        var smtp = new SmtpServer.SmtpServer(smtpOptions, smtpServices).StartAsync(stopSmtp.Token);
        await using var gateway = await StartGatewayAsync(() => Interlocked.Increment(ref received));

        await using var bench = await BenchDatabase.CreateAsync(BenchDatabase.PostgresServer, s => s.Configure<MessagesOptions>(o =>
        {
            o.QuietFrom = o.QuietUntil = "00:00"; // measured at any hour
            o.Email = new EmailOptions { Host = "127.0.0.1", Port = smtpPort, Security = "None", From = "ubnd@phochau.gov.vn" };
            o.Sms = new SmsOptions { Url = gateway.Url + "/sms", Body = "{\"to\":\"{phone}\",\"text\":\"{text}\",\"id\":\"{id}\"}", SuccessField = "CodeResult", SuccessValues = "100" };
        }));
        var factory = bench.Get<IDbContextFactory<PhoChauDbContext>>();
        var delivery = bench.Get<OutboxDelivery>();
        OutboxMessage Message(int i, string key) => new()
        {
            IdempotencyKey = key, Channel = i % 2 == 0 ? MessageChannel.Email : MessageChannel.Sms, Kind = MessageKind.Test,
            Recipient = i % 2 == 0 ? $"nguoi{i}@phochau.gov.vn" : $"09{i % 100_000_000:D8}",
            Subject = "Đã tiếp nhận kiến nghị KN-2026-001", Body = "UBND xã Phổ Châu đã tiếp nhận kiến nghị KN-2026-001 ngày 02/03/2026. Tra cứu: http://192.168.1.10:5080/tra-cuu?ma=KN-2026-001",
        };

        // The floor: the same senders, the same parallelism, no database.
        var senders = bench.Services.GetServices<IMessageSender>().ToDictionary(s => s.Channel);
        var floor = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var m = Message(i, $"direct:{i}");
            if (!(await senders[m.Channel].SendAsync(m, ct)).Sent) throw new InvalidOperationException("the direct send failed");
        });
        floor.Stop();
        var floorCount = received;

        // Through the outbox: queued (500 a transaction), then delivered by the worker's loop.
        var queue = Stopwatch.StartNew();
        for (var start = 0; start < total; start += 500)
        {
            await using var db = await factory.CreateDbContextAsync();
            for (var i = start; i < Math.Min(total, start + 500); i++) await Outbox.EnqueueAsync(db, Message(i, $"bench:{i}"), DateTime.UtcNow, default);
            await db.SaveChangesAsync();
        }
        queue.Stop();
        var deliver = Stopwatch.StartNew();
        while (await delivery.DeliverDueAsync(batch, parallel) > 0) { }
        deliver.Stop();
        int sent;
        await using (var db = await factory.CreateDbContextAsync()) sent = await db.OutboxMessages.CountAsync(m => m.State == MessageState.Sent);
        if (sent != total || received - floorCount != total) throw new InvalidOperationException($"{sent} sent, {received - floorCount} received of {total}");

        // A new message's wait: the worker idles (2 s between looks, as OutboxWorker), messages arrive one by one.
        using var stopWorker = new CancellationTokenSource();
        var worker = Task.Run(async () =>
        {
            while (!stopWorker.IsCancellationRequested)
            {
                var claimed = await delivery.DeliverDueAsync(batch, parallel);
                if (claimed < batch) try { await Task.Delay(TimeSpan.FromSeconds(2), stopWorker.Token); } catch (OperationCanceledException) { }
            }
        });
        var rnd = new Random(24);
        for (var i = 0; i < 30; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            await Outbox.EnqueueAsync(db, Message(i, $"wait:{i}"), DateTime.UtcNow, default);
            await db.SaveChangesAsync();
            await Task.Delay(rnd.Next(100, 700));
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stopWorker.CancelAsync();
        await worker;
        List<double> waits;
        await using (var db = await factory.CreateDbContextAsync())
            waits = (await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("wait:") && m.SentAtUtc != null)
                .Select(m => new { m.CreatedAtUtc, m.SentAtUtc }).ToListAsync()).Select(m => (m.SentAtUtc!.Value - m.CreatedAtUtc).TotalMilliseconds).Order().ToList();
        await stopSmtp.CancelAsync();
        try { await smtp; } catch (OperationCanceledException) { }

        Console.WriteLine($"{bench.Provider}: {total:N0} messages ({total / 2:N0} e-mail, {total - total / 2:N0} SMS), {parallel} at a time");
        Console.WriteLine($"{"",-34} {"seconds",8} {"msg/s",8}");
        Console.WriteLine($"{"direct send (the floor)",-34} {floor.Elapsed.TotalSeconds,8:F1} {total / floor.Elapsed.TotalSeconds,8:F0}");
        Console.WriteLine($"{"queued in the outbox",-34} {queue.Elapsed.TotalSeconds,8:F1} {total / queue.Elapsed.TotalSeconds,8:F0}");
        Console.WriteLine($"{"delivered from the outbox",-34} {deliver.Elapsed.TotalSeconds,8:F1} {total / deliver.Elapsed.TotalSeconds,8:F0}");
        Console.WriteLine($"a new message waits: p50 {Percentiles.Of(waits, 0.5):F0} ms, p95 {Percentiles.Of(waits, 0.95):F0} ms, max {waits[^1]:F0} ms ({waits.Count} messages, worker looking every 2 s when idle)");
        Console.WriteLine($"messages: {total / deliver.Elapsed.TotalSeconds:F0} msg/s through the outbox vs {total / floor.Elapsed.TotalSeconds:F0} msg/s direct ({deliver.Elapsed.TotalSeconds / floor.Elapsed.TotalSeconds:F2}× the floor's time) on {bench.Provider}");
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private sealed class CountingStore(Action counted) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            counted();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Gateway(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;
        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    private static async Task<Gateway> StartGatewayAsync(Action counted)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost("/sms", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            await reader.ReadToEndAsync();
            counted();
            return Results.Text("{\"CodeResult\":\"100\"}", "application/json");
        });
        await app.StartAsync();
        return new Gateway(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
