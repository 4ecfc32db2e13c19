using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoChau.Core.Messages;
using PhoChau.Core.Persistence;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Core.Messages;

/// <summary>
/// Issue 24, the outbox and its real channels: e-mail to an SMTP server the test starts, SMS to a local HTTP server
/// answering as a brandname gateway does (success, 500, an error code in a 200, a timeout, 400); each message once,
/// retried with back-off, given up with the gateway's reason; nothing at night. The test clock reads 09:00 on 2/3/2026.
/// </summary>
public sealed class OutboxDeliveryTests
{
    private static Task<CoreTestHost> HostAsync(Action<MessagesOptions> configure) =>
        CoreTestHost.StartAsync(configure: s => s.Configure(configure));

    private static async Task<long> QueueAsync(CoreTestHost host, MessageChannel channel, string recipient, string key, string body = "Kiến nghị KN-2026-001 đã được tiếp nhận. Xã Phổ Châu.")
    {
        await using var db = host.NewDb();
        var m = new OutboxMessage { IdempotencyKey = key, Channel = channel, Kind = MessageKind.Test, Recipient = recipient, Subject = "Thông báo của UBND xã Phổ Châu", Body = body };
        Assert.True(await Outbox.EnqueueAsync(db, m, host.Clock.GetUtcNow().UtcDateTime, default));
        await db.SaveChangesAsync();
        return m.Id;
    }

    private static async Task<OutboxMessage> ReadAsync(CoreTestHost host, long id)
    {
        await using var db = host.NewDb();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task E_mail_reaches_a_real_SMTP_server_once_in_Vietnamese_with_a_plain_text_part_and_a_refused_address_fails_with_the_servers_reason()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Refused.Add("khongco@phochau.gov.vn");
        await using var host = await HostAsync(o => o.Email = new EmailOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "ubnd@phochau.gov.vn", FromName = "UBND xã Phổ Châu" });
        var delivery = host.Get<OutboxDelivery>();
        Assert.Contains(MessageChannel.Email, delivery.Configured);
        Assert.DoesNotContain(MessageChannel.Sms, delivery.Configured); // no gateway configured: off

        var a = await QueueAsync(host, MessageChannel.Email, "truongphong@phochau.gov.vn", "k1");
        var b = await QueueAsync(host, MessageChannel.Email, "khongco@phochau.gov.vn", "k2");
        await using (var db = host.NewDb()) // the same event queued again is the same message
            Assert.False(await Outbox.EnqueueAsync(db, new OutboxMessage { IdempotencyKey = "k1", Recipient = "x@y.vn", Channel = MessageChannel.Email }, DateTime.UtcNow, default));

        Assert.Equal(2, await delivery.DeliverDueAsync());
        Assert.Equal(0, await delivery.DeliverDueAsync()); // nothing sent twice

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("Thông báo của UBND xã Phổ Châu", mail.Subject);
        Assert.Equal("Kiến nghị KN-2026-001 đã được tiếp nhận. Xã Phổ Châu.", mail.TextBody?.Trim());
        Assert.Contains("Phổ Châu", mail.HtmlBody ?? "");
        Assert.Equal("truongphong@phochau.gov.vn", mail.To.Mailboxes.Single().Address);
        var sent = await ReadAsync(host, a);
        Assert.Equal((MessageState.Sent, 1), (sent.State, sent.Attempts));
        Assert.Equal(mail.MessageId, sent.ProviderMessageId);
        var refused = await ReadAsync(host, b);
        Assert.Equal(MessageState.Failed, refused.State); // a mailbox that does not exist: not tried again
        Assert.StartsWith("550", refused.LastError);

        // "Send again" from the outbox page puts it back; the server refuses it again.
        await host.Get<OutboxService>().RetryAsync(CoreTestHost.Admin, b);
        Assert.Equal(MessageState.Waiting, (await ReadAsync(host, b)).State);
        await using (var db = host.NewDb()) // who sent it again is in the trail, not the message's address
        {
            var key = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = Assert.Single(await db.AuditEntries.AsNoTracking().Where(x => x.EntityType == nameof(OutboxMessage) && x.EntityId == key).ToListAsync());
            Assert.Equal(CoreTestHost.Admin.UserName, entry.UserName);
            Assert.Contains(entry.Changes, c => c.Field == nameof(OutboxMessage.State) && c.Old == "Failed" && c.New == "Waiting");
            Assert.DoesNotContain(entry.Changes, c => c.New?.Contains("khongco") == true);
        }
        await Assert.ThrowsAsync<PhoChau.Core.Common.DomainException>(() => host.Get<OutboxService>().RetryAsync(CoreTestHost.Admin, a));
    }

    [Fact]
    public async Task An_SMS_gateway_that_fails_times_out_or_answers_an_error_code_is_tried_again_with_back_off_and_a_refusal_or_the_last_attempt_fails()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var host = await HostAsync(o =>
        {
            o.MaxAttempts = 3;
            o.Sms = new SmsOptions
            {
                Url = gateway.Url + "/MainService.svc/json/SendMultipleMessage_V4_post_json/", ContentType = "application/json",
                Body = "{\"ApiKey\":\"K\",\"SecretKey\":\"S\",\"Phone\":\"{phone}\",\"Content\":\"{text}\",\"Brandname\":\"UBNDPHOCHAU\",\"SmsType\":\"2\",\"RequestId\":\"{id}\"}",
                SuccessField = "CodeResult", SuccessValues = "100", ErrorField = "ErrorMessage", IdField = "SMSID", MaxLength = 60, TimeoutSeconds = 1,
            };
        });
        var delivery = host.Get<OutboxDelivery>();

        // Success: the text without diacritics, cut to the gateway's length, the phone and the idempotency key given.
        var ok = await QueueAsync(host, MessageChannel.Sms, "0905123456", "sms-ok");
        await delivery.DeliverDueAsync();
        var request = Assert.Single(gateway.Requests);
        using (var json = System.Text.Json.JsonDocument.Parse(request.Body))
        {
            Assert.Equal("0905123456", json.RootElement.GetProperty("Phone").GetString());
            Assert.Equal("Kien nghi KN-2026-001 da duoc tiep nhan. Xa Pho Chau.", json.RootElement.GetProperty("Content").GetString());
            Assert.Equal("sms-ok", json.RootElement.GetProperty("RequestId").GetString());
        }
        Assert.Equal((MessageState.Sent, "abc"), ((await ReadAsync(host, ok)).State, (await ReadAsync(host, ok)).ProviderMessageId));

        // A 500, then an error code in a 200 answer, then success: tried again after 30 s, then 60 s.
        var answers = new Queue<GatewayAnswer>([new(500, "loi may chu"), new(200, "{\"CodeResult\":\"99\",\"ErrorMessage\":\"Sai Brandname\"}"), new(200, "{\"CodeResult\":\"100\",\"SMSID\":\"x2\"}")]);
        gateway.Respond = _ => answers.Dequeue();
        var retried = await QueueAsync(host, MessageChannel.Sms, "0912345678", "sms-retry");
        await delivery.DeliverDueAsync();
        var first = await ReadAsync(host, retried);
        Assert.Equal((MessageState.Waiting, 1, "HTTP 500: loi may chu"), (first.State, first.Attempts, first.LastError));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), first.NextAttemptAtUtc);
        Assert.Equal(0, await delivery.DeliverDueAsync()); // not before its time
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await delivery.DeliverDueAsync();
        var second = await ReadAsync(host, retried);
        Assert.Equal("Cổng gửi báo lỗi (mã 99): Sai Brandname", second.LastError);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), second.NextAttemptAtUtc);
        host.Clock.Advance(TimeSpan.FromSeconds(60));
        await delivery.DeliverDueAsync();
        Assert.Equal((MessageState.Sent, 3), ((await ReadAsync(host, retried)).State, (await ReadAsync(host, retried)).Attempts));

        // A gateway that does not answer in time: tried again; the third attempt is the last (MaxAttempts = 3).
        gateway.Respond = _ => new GatewayAnswer(200, "{}", TimeSpan.FromSeconds(10));
        var slow = await QueueAsync(host, MessageChannel.Sms, "0987654321", "sms-slow");
        for (var i = 0; i < 3; i++)
        {
            await delivery.DeliverDueAsync();
            host.Clock.Advance(TimeSpan.FromHours(1));
        }
        var given = await ReadAsync(host, slow);
        Assert.Equal((MessageState.Failed, 3, "Hết thời gian chờ cổng gửi trả lời."), (given.State, given.Attempts, given.LastError));

        // A 400 (the gateway refuses the request itself): failed at once.
        gateway.Respond = _ => new GatewayAnswer(400, "{\"error\":\"bad phone\"}");
        var bad = await QueueAsync(host, MessageChannel.Sms, "0901111111", "sms-bad");
        await delivery.DeliverDueAsync();
        Assert.Equal((MessageState.Failed, 1), ((await ReadAsync(host, bad)).State, (await ReadAsync(host, bad)).Attempts));
    }

    [Fact]
    public async Task Nothing_is_sent_in_the_quiet_hours_it_goes_in_the_morning()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await HostAsync(o => o.Email = new EmailOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "ubnd@phochau.gov.vn" });
        host.Clock.Advance(TimeSpan.FromHours(13)); // 22:00 in Vietnam
        await QueueAsync(host, MessageChannel.Email, "chutich@phochau.gov.vn", "night");
        Assert.Equal(0, await host.Get<OutboxDelivery>().DeliverDueAsync());
        host.Clock.Advance(TimeSpan.FromHours(8.5)); // 06:30
        Assert.Equal(0, await host.Get<OutboxDelivery>().DeliverDueAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(30)); // 07:00
        Assert.Equal(1, await host.Get<OutboxDelivery>().DeliverDueAsync());
        Assert.Single(smtp.Received);
    }

    private static SmsOptions Gateway(TestGateway gateway) => new()
    {
        Url = gateway.Url + "/sms", Body = "{\"to\":\"{phone}\",\"text\":\"{text}\",\"id\":\"{id}\"}", SuccessField = "CodeResult", SuccessValues = "100", TimeoutSeconds = 5,
    };

    /// <summary>Another node: its own delivery over the same database (on PostgreSQL in CI's second run).</summary>
    private static OutboxDelivery Node(CoreTestHost host) => new(host.Get<IDbContextFactory<PhoChauDbContext>>(), host.Services.GetServices<IMessageSender>(),
        host.Get<IOptionsMonitor<MessagesOptions>>(), host.Clock, NullLogger<OutboxDelivery>.Instance);

    private static string IdOf(GatewayRequest r) => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()!;

    [Fact]
    public async Task Two_nodes_delivering_at_once_send_each_message_once()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var host = await HostAsync(o => o.Sms = Gateway(gateway));
        for (var i = 0; i < 120; i++) await QueueAsync(host, MessageChannel.Sms, $"09{i:D8}", $"k{i}");
        async Task RunAsync(OutboxDelivery node)
        {
            while (await node.DeliverDueAsync(batch: 10, parallel: 3) > 0) { }
        }
        await Task.WhenAll(RunAsync(Node(host)), RunAsync(Node(host)));

        var ids = gateway.Requests.Select(IdOf).ToList();
        Assert.Equal(120, ids.Count);
        Assert.Equal(120, ids.Distinct().Count());
        await using var db = host.NewDb();
        Assert.Equal(120, await db.OutboxMessages.CountAsync(m => m.State == MessageState.Sent && m.Attempts == 1));
    }

    [Fact]
    public async Task A_node_killed_while_sending_leaves_its_messages_to_be_sent_once_when_its_claim_runs_out()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var host = await HostAsync(o => o.Sms = Gateway(gateway));
        for (var i = 0; i < 5; i++) await QueueAsync(host, MessageChannel.Sms, $"09{i:D8}", $"k{i}");

        // The gateway hangs; the node is stopped mid-send (as a killed process: nothing after the claim is saved).
        gateway.Respond = _ => new GatewayAnswer(200, "{\"CodeResult\":\"100\"}", TimeSpan.FromSeconds(30));
        using (var kill = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Node(host).DeliverDueAsync(batch: 10, parallel: 5, ct: kill.Token));
        var inFlight = gateway.Requests.Select(IdOf).ToHashSet();
        await using (var db = host.NewDb())
            Assert.Equal(5, await db.OutboxMessages.CountAsync(m => m.State == MessageState.Waiting && m.ClaimedBy != null));

        // Another node started at once does not take them while the claim holds; after it, sends each once.
        gateway.Respond = _ => new GatewayAnswer(200, "{\"CodeResult\":\"100\"}");
        Assert.Equal(0, await Node(host).DeliverDueAsync());
        host.Clock.Advance(TimeSpan.FromSeconds(new MessagesOptions().ClaimSeconds + 1)); // the default claim runs out
        Assert.Equal(5, await Node(host).DeliverDueAsync());
        Assert.Equal(0, await Node(host).DeliverDueAsync());
        await using (var db = host.NewDb())
            Assert.Equal(5, await db.OutboxMessages.CountAsync(m => m.State == MessageState.Sent && m.Attempts == 1));
        // A request the killed node had already made is repeated with the same id: the gateway can tell it is the same message.
        var completed = gateway.Requests.Select(IdOf).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, completed.Count);
        Assert.All(completed, c => Assert.Equal(inFlight.Contains(c.Key) ? 2 : 1, c.Value));
    }
}
