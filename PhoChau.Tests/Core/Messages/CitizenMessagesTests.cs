using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Citizens;
using PhoChau.Core.Commune;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Messages;
using PhoChau.Core.Petitions;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Core.Messages;

/// <summary>
/// Issue 24, telling the citizen: only on the channels they agreed to at intake; received (the code, never the
/// PIN), reply sent (the lookup link and a one-tap rating link for that petition only), results published; every
/// message with its stop link; consent withdrawn after queuing: not sent; a foreign phone refused at intake.
/// </summary>
public sealed class CitizenMessagesTests
{
    private static Task<CoreTestHost> HostAsync(string gatewayUrl) => CoreTestHost.StartAsync(configure: s => s.Configure<MessagesOptions>(o =>
    {
        o.PublicUrl = "http://192.168.1.10:5080";
        o.Sms = new SmsOptions { Url = gatewayUrl + "/sms", Body = "{\"to\":\"{phone}\",\"text\":\"{text}\"}", MaxLength = 459 };
    }));

    private static async Task<List<OutboxMessage>> OutboxAsync(CoreTestHost host)
    {
        await using var db = host.NewDb();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task A_configured_channel_reads_as_on_and_one_not_configured_says_what_is_missing()
    {
        await using var host = await HostAsync("http://127.0.0.1:9");
        var channels = host.Get<OutboxService>().Channels().ToDictionary(c => c.Channel, c => c.NotConfigured);
        Assert.Null(channels[MessageChannel.Sms]); // on: the phone form offers it, the administrator's page says so
        Assert.Contains("Messages:Email:Host", channels[MessageChannel.Email]);
        Assert.Contains("Messages:Zalo:AppId", channels[MessageChannel.Zalo]);
        Assert.Equal([MessageChannel.Sms], host.Get<OutboxDelivery>().Configured);
    }

    [Fact]
    public async Task The_citizen_who_agreed_is_told_of_receipt_reply_and_results_with_the_links_and_one_who_did_not_is_told_nothing()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var host = await HostAsync(gateway.Url);
        var d = await HallData.OpenSessionAsync(host, new DateOnly(2026, 3, 2));
        var petitions = host.Get<PetitionService>();
        var input = WorkflowData.Input(d.Id, "Trần Thị Bình");
        input.Consent = true;
        input.NotifyBySms = true;
        var told = await petitions.CreateAsync(CoreTestHost.Secretary, input);
        var silent = await WorkflowData.PetitionAsync(host, d.Id, "Lê Văn Cường"); // agreed to no message

        var received = Assert.Single(await OutboxAsync(host));
        Assert.Equal((MessageChannel.Sms, MessageKind.PetitionReceived, "0905123456", told.Id), (received.Channel, received.Kind, received.Recipient, received.PetitionId!.Value));
        Assert.Contains($"đã tiếp nhận kiến nghị {told.Code} ngày 20/02/2026", received.Body);
        Assert.Contains($"http://192.168.1.10:5080/tra-cuu?ma={told.Code}", received.Body);
        Assert.DoesNotContain(told.IssuedPin!, received.Body); // the PIN is on the receipt only
        var links = host.Get<CitizenMessages>().LinksOf(told, await host.Get<CommuneProfileService>().GetAsync());
        Assert.EndsWith("Ngừng nhận tin: " + links.Stop, received.Body);

        // Delivered: the gateway gets the text without diacritics.
        await host.Get<OutboxDelivery>().DeliverDueAsync();
        Assert.Contains("da tiep nhan kien nghi " + told.Code, Assert.Single(gateway.Requests).Body);

        // Settled in writing: the reply sent tells them, with the rating link; the link rates this petition only.
        var outcomes = host.Get<SessionOutcomeService>();
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await outcomes.NotSettledAsync(CoreTestHost.Chairman, told.Id, dept);
        await outcomes.NotSettledAsync(CoreTestHost.Chairman, silent.Id, dept);
        await host.Get<PhoChau.Core.Speakers.HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Trả lời bằng văn bản đúng hạn.");
        var followUp = host.Get<FollowUpService>();
        foreach (var id in new[] { told.Id, silent.Id })
        {
            var p = await WorkflowData.ReloadAsync(host, id);
            await followUp.DraftReplyAsync(CoreTestHost.Officer(dept), p.Id, p.Version, "UBND xã trả lời như sau: ...");
            p = await WorkflowData.ReloadAsync(host, id);
            await followUp.ApproveReplyAsync(CoreTestHost.Chairman, p.Id, p.Version);
            p = await WorkflowData.ReloadAsync(host, id);
            await followUp.RecordSentAsync(CoreTestHost.Secretary, p.Id, p.Version, new DateOnly(2026, 3, 2), ReplyChannel.ByHand);
        }
        var reply = (await OutboxAsync(host)).Single(m => m.Kind == MessageKind.ReplySent);
        Assert.Equal(told.Id, reply.PetitionId);
        Assert.Contains($"Kiến nghị {told.Code} đã được", reply.Body);
        Assert.Contains("Đánh giá: " + links.Rate, reply.Body);
        Assert.Matches(@"/danh-gia/\d+-[A-Za-z0-9_-]{16}$", links.Rate);
        var lookup = host.Get<PublicLookupService>();
        var rateToken = links.Rate[(links.Rate.IndexOf("/danh-gia/", StringComparison.Ordinal) + 10)..].Split('-', 2)[1];
        await Assert.ThrowsAsync<NotFoundException>(() => lookup.RateByLinkAsync(silent.Id, rateToken, Satisfaction.Satisfied, null)); // not another's
        await lookup.RateByLinkAsync(told.Id, rateToken, Satisfaction.Satisfied, "Cảm ơn xã.");
        Assert.Equal(Satisfaction.Satisfied, (await lookup.RatingOfAsync(told.Id))!.Rating);
        Assert.Equal(PhoChau.Core.Resources.CoreText.Get("Public.AlreadyRated"),
            (await Assert.ThrowsAsync<DomainException>(() => lookup.RateByLinkAsync(told.Id, rateToken, Satisfaction.Neutral, null))).Message); // once

        // The results published on the law's three channels: one message, to the one who agreed.
        var pdf = "%PDF-1.4"u8.ToArray();
        var publications = host.Get<PublicationService>();
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.Media, new DateOnly(2026, 3, 2), "a.pdf", pdf, null);
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.NoticeBoard, new DateOnly(2026, 3, 2), "b.pdf", pdf, null);
        Assert.DoesNotContain(await OutboxAsync(host), m => m.Kind == MessageKind.ResultsPublished);
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.VillageHeads, new DateOnly(2026, 3, 2), "c.pdf", pdf, null);
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.VillageHeads, new DateOnly(2026, 3, 2), "c2.pdf", pdf, null); // recorded again: not told twice
        var results = Assert.Single(await OutboxAsync(host), m => m.Kind == MessageKind.ResultsPublished);
        Assert.Contains($"/ket-qua#{told.Code}", results.Body);
    }

    [Fact]
    public async Task Consent_withdrawn_from_the_stop_link_after_a_message_was_queued_stops_it_and_bad_input_is_refused_at_intake()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var host = await HostAsync(gateway.Url);
        var d = await WorkflowData.DialogueAsync(host);
        var petitions = host.Get<PetitionService>();
        var input = WorkflowData.Input(d.Id);
        input.Consent = true;
        input.NotifyBySms = true;
        input.NotifyByEmail = true; // e-mail is off here: only the SMS is queued
        input.Email = "an.nguyen@gmail.com";
        var p = await petitions.CreateAsync(CoreTestHost.Secretary, input);
        var queued = Assert.Single(await OutboxAsync(host));

        var stop = host.Get<CitizenMessages>().LinksOf(p, await host.Get<CommuneProfileService>().GetAsync()).Stop;
        var token = stop[(stop.IndexOf("/dung/", StringComparison.Ordinal) + 6)..].Split('-', 2)[1];
        await Assert.ThrowsAsync<NotFoundException>(() => petitions.StopMessagesAsync(p.Id, "AAAAAAAAAAAAAAAA"));
        Assert.Equal(p.Code, await petitions.StopMessagesAsync(p.Id, token));
        Assert.False((await WorkflowData.ReloadAsync(host, p.Id)).NotifyBySms);

        await host.Get<OutboxDelivery>().DeliverDueAsync();
        Assert.Empty(gateway.Requests);
        var cancelled = Assert.Single(await OutboxAsync(host));
        Assert.Equal((queued.Id, MessageState.Cancelled), (cancelled.Id, cancelled.State));
        Assert.Equal("Không gửi: công dân đã rút lại đồng ý nhận tin qua kênh này.", cancelled.LastError);

        async Task<string> RefusedAsync(Action<PetitionInput> change)
        {
            var x = WorkflowData.Input(d.Id);
            x.Consent = true;
            change(x);
            return (await Assert.ThrowsAsync<DomainException>(() => petitions.CreateAsync(CoreTestHost.Secretary, x))).Message;
        }
        Assert.Equal("Nhận tin qua SMS hoặc Zalo cần số điện thoại của người kiến nghị.", await RefusedAsync(x => { x.Phone = null; x.NotifyByZalo = true; }));
        Assert.Equal("Nhận thư điện tử cần địa chỉ thư điện tử của người kiến nghị.", await RefusedAsync(x => x.NotifyByEmail = true));
        Assert.Equal("Địa chỉ thư điện tử không hợp lệ.", await RefusedAsync(x => x.Email = "an.nguyen@"));
        Assert.Contains("điện thoại", await RefusedAsync(x => { x.Phone = "+1 415 555 0100"; x.NotifyBySms = true; })); // not a Vietnamese number
    }
}
