using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PhoChau.Core.Messages;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Core.Messages;

/// <summary>
/// Issue 24, an e-mail address that bounces after the SMTP server took the mail: the delivery report that comes back
/// to the bounce mailbox (read by POP3) marks the message bounced with the report's status and reason; a delay or a
/// report about someone else's mail changes nothing; ordinary mail in that mailbox is left where it is.
/// </summary>
public sealed class BounceReaderTests
{
    private static Task<CoreTestHost> HostAsync(int smtpPort, int pop3Port, string password = "pw") => CoreTestHost.StartAsync(configure: s => s.Configure<MessagesOptions>(o =>
        o.Email = new EmailOptions
        {
            Host = "127.0.0.1", Port = smtpPort, Security = "None", From = "ubnd@phochau.gov.vn",
            Bounces = new BounceOptions { Host = "127.0.0.1", Port = pop3Port, Security = "None", UserName = "bounce", Password = password },
        }));

    private static async Task<long> SendAsync(CoreTestHost host, string to, string key)
    {
        await using (var db = host.NewDb())
        {
            var m = new OutboxMessage { IdempotencyKey = key, Channel = MessageChannel.Email, Kind = MessageKind.AnswerDueSoon, Recipient = to, Subject = "Nhắc hạn trả lời", Body = "Kiến nghị KN-2026-001 sắp đến hạn." };
            await Outbox.EnqueueAsync(db, m, host.Clock.GetUtcNow().UtcDateTime, default);
            await db.SaveChangesAsync();
            await host.Get<OutboxDelivery>().DeliverDueAsync();
            return m.Id;
        }
    }

    private static async Task<OutboxMessage> ReadAsync(CoreTestHost host, long id)
    {
        await using var db = host.NewDb();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>A delivery report as Postfix writes one: the explanation, the delivery status, the original's headers.</summary>
    private static MimeMessage Report(MimeMessage original, string action, string status, string diagnostic)
    {
        var to = original.To.Mailboxes.Single().Address;
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "This is the mail system at host mx.example.vn.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients." },
            new MimePart("message", "delivery-status")
            {
                Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(
                    "Reporting-MTA: dns; mx.example.vn\r\nArrival-Date: Mon,  2 Mar 2026 09:00:01 +0700 (ICT)\r\n\r\n" +
                    $"Final-Recipient: rfc822; {to}\r\nOriginal-Recipient: rfc822;{to}\r\nAction: {action}\r\nStatus: {status}\r\n" +
                    $"Remote-MTA: dns; mail.example.vn\r\nDiagnostic-Code: smtp; {diagnostic}\r\n"))),
            },
        };
        var headers = new MemoryStream();
        original.Headers.WriteTo(headers);
        headers.Position = 0;
        report.Add(new MimePart("text", "rfc822-headers") { Content = new MimeContent(headers) });
        var mail = new MimeMessage { Subject = action == "failed" ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)", Body = report };
        mail.From.Add(MailboxAddress.Parse("MAILER-DAEMON@mx.example.vn"));
        mail.To.Add(MailboxAddress.Parse("ubnd@phochau.gov.vn"));
        return mail;
    }

    private static MimeMessage Plain(string subject, string text)
    {
        var mail = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        mail.From.Add(MailboxAddress.Parse("congdan@example.vn"));
        mail.To.Add(MailboxAddress.Parse("ubnd@phochau.gov.vn"));
        return mail;
    }

    [Fact]
    public async Task A_report_of_failure_marks_the_message_bounced_with_its_reason_and_a_delay_someone_elses_report_or_a_citizens_mail_change_nothing()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var pop3 = TestPop3Server.Start();
        await using var host = await HostAsync(smtp.Port, pop3.Port);
        var unknown = await SendAsync(host, "khongco@example.vn", "k-unknown");
        var slow = await SendAsync(host, "cham@example.vn", "k-slow");
        Assert.Equal(MessageState.Sent, (await ReadAsync(host, unknown)).State); // the SMTP server took both
        var sent = smtp.Received.ToDictionary(m => m.To.Mailboxes.Single().Address);

        pop3.Deliver(Report(sent["khongco@example.vn"], "failed", "5.1.1", "550 5.1.1 <khongco@example.vn>: Recipient address rejected: User unknown in virtual mailbox table"));
        pop3.Deliver(Report(sent["cham@example.vn"], "delayed", "4.4.1", "connect to mail.example.vn[203.0.113.5]:25: Connection timed out"));
        var foreign = new MimeMessage { MessageId = "abc123@other.example.vn", Subject = "Báo cáo tuần" };
        foreign.To.Add(MailboxAddress.Parse("ai.do@example.vn"));
        pop3.Deliver(Report(foreign, "failed", "5.1.1", "550 User unknown"));
        pop3.Deliver(Plain("Cảm ơn UBND xã", "Tôi đã nhận được thư trả lời. Message-ID: <" + sent["cham@example.vn"].MessageId + ">"));
        var reader = host.Get<BounceReader>();
        Assert.True(reader.Configured);

        Assert.Equal(1, await reader.ReadAsync());

        var bounced = await ReadAsync(host, unknown);
        Assert.Equal(MessageState.Bounced, bounced.State);
        Assert.Contains("Thư bị trả lại: 5.1.1", bounced.LastError);
        Assert.Contains("User unknown in virtual mailbox table", bounced.LastError);
        Assert.Equal(MessageState.Sent, (await ReadAsync(host, slow)).State); // delayed is not failed
        // The two reports about the portal's mail are handled and gone; someone else's report and the citizen's mail stay.
        Assert.Equal(["Undelivered Mail Returned to Sender", "Cảm ơn UBND xã"], pop3.Messages.Select(m => m.Subject));
        Assert.Equal((1, (string?)null), (reader.LastRead!.Value.Bounces, reader.LastRead.Value.Error));

        Assert.Equal(0, await reader.ReadAsync()); // read again: nothing new
        Assert.Equal(MessageState.Bounced, (await ReadAsync(host, unknown)).State);
        Assert.Equal(2, pop3.Messages.Count);

        // The administrator may send it again (the mailbox was full, say); it waits like any message sent again.
        await host.Get<OutboxService>().RetryAsync(CoreTestHost.Admin, unknown);
        Assert.Equal(MessageState.Waiting, (await ReadAsync(host, unknown)).State);
    }

    [Fact]
    public async Task The_petition_tells_the_secretary_its_citizen_was_not_told_and_a_viewer_sees_nothing_of_it()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var pop3 = TestPop3Server.Start();
        await using var host = await HostAsync(smtp.Port, pop3.Port);
        var d = await WorkflowData.DialogueAsync(host);
        var input = WorkflowData.Input(d.Id, "Trần Thị Bình");
        input.Consent = true;
        input.Email = "binh.cu@example.vn";
        input.NotifyByEmail = true;
        var petition = await host.Get<PhoChau.Core.Petitions.PetitionService>().CreateAsync(CoreTestHost.Secretary, input);
        await host.Get<OutboxDelivery>().DeliverDueAsync();
        pop3.Deliver(Report(Assert.Single(smtp.Received), "failed", "5.1.1", "550 5.1.1 Mailbox does not exist"));
        var petitions = host.Get<PhoChau.Core.Petitions.PetitionService>();
        var outbox = host.Get<OutboxService>();
        Assert.Empty(await outbox.UndeliveredAsync(await petitions.GetAsync(CoreTestHost.Secretary, petition.Id)));

        await host.Get<BounceReader>().ReadAsync();

        var undelivered = Assert.Single(await outbox.UndeliveredAsync(await petitions.GetAsync(CoreTestHost.Secretary, petition.Id)));
        Assert.Equal((MessageChannel.Email, "binh.cu@example.vn", MessageState.Bounced), (undelivered.Channel, undelivered.Recipient, undelivered.State));
        Assert.Contains("Mailbox does not exist", undelivered.Reason);
        Assert.Empty(await outbox.UndeliveredAsync(await petitions.GetAsync(CoreTestHost.Viewer, petition.Id))); // no personal data for a viewer
    }

    [Fact]
    public async Task A_bounce_that_is_not_a_standard_report_is_read_from_its_subject_and_the_quoted_headers()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var pop3 = TestPop3Server.Start();
        await using var host = await HostAsync(smtp.Port, pop3.Port);
        var id = await SendAsync(host, "hopthu.day@example.vn", "k-full");
        var original = Assert.Single(smtp.Received);
        // qmail's way: a plain text that quotes the original message.
        pop3.Deliver(Plain("failure notice", "Hi. This is the qmail-send program at mx.example.vn.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n" +
            "<hopthu.day@example.vn>:\nmailbox is full\n\n--- Below this line is a copy of the message.\n\n" +
            $"Message-ID: <{original.MessageId}>\nSubject: Nhắc hạn trả lời\n"));

        Assert.Equal(1, await host.Get<BounceReader>().ReadAsync());

        var m = await ReadAsync(host, id);
        Assert.Equal((MessageState.Bounced, "Thư bị trả lại: failure notice"), (m.State, m.LastError));
        Assert.Empty(pop3.Messages);
    }

    [Fact]
    public async Task A_mailbox_that_refuses_the_password_is_reported_and_changes_nothing()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var pop3 = TestPop3Server.Start();
        await using var host = await HostAsync(smtp.Port, pop3.Port, password: "sai");
        var id = await SendAsync(host, "khongco@example.vn", "k1");
        pop3.Deliver(Report(Assert.Single(smtp.Received), "failed", "5.1.1", "550 User unknown"));
        var reader = host.Get<BounceReader>();

        Assert.Equal(0, await reader.ReadAsync());

        Assert.Contains("từ chối tên đăng nhập hoặc mật khẩu", reader.LastRead!.Value.Error);
        Assert.Equal(MessageState.Sent, (await ReadAsync(host, id)).State);
        Assert.Single(pop3.Messages);
    }
}
