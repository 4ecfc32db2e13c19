using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Messages;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Core.Messages;

/// <summary>
/// Issue 24, consent to messages where it is given besides the counter: on the phone form (the request's topic becomes
/// a petition when the secretary accepts it, with the citizen's channels and consent as given) and on the village
/// heads' paper forms (the import's "Nhận tin qua" column).
/// </summary>
public sealed class ConsentElsewhereTests
{
    private static Task<CoreTestHost> HostAsync() => CoreTestHost.StartAsync(configure: s => s.Configure<MessagesOptions>(o =>
    {
        o.PublicUrl = "http://192.168.1.10:5080";
        o.Sms = new SmsOptions { Url = "http://127.0.0.1:9/sms", Body = "{\"to\":\"{phone}\",\"text\":\"{text}\"}" };
        o.Email = new EmailOptions { Host = "127.0.0.1", Port = 9, Security = "None", From = "ubnd@phochau.gov.vn" };
    }));

    private static SpeakerRequestInput Request(string name, string? phone = null, bool sms = false, bool email = false, string? address = null) => new()
    {
        Name = name, VillageOrOrganisation = "Thôn Châu Me", Topic = "Đường liên thôn Châu Me xuống cấp, đề nghị sửa trước mùa mưa",
        Phone = phone, Consent = true, NotifyBySms = sms, NotifyByEmail = email, Email = address,
    };

    private static async Task<List<OutboxMessage>> OutboxAsync(CoreTestHost host)
    {
        await using var db = host.NewDb();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task A_phone_request_asking_for_messages_becomes_a_petition_when_accepted_and_the_citizen_is_told_its_code()
    {
        await using var host = await HostAsync();
        await WorkflowData.VillageAsync(host, "Thôn Châu Me");
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        var asks = await requests.SubmitAsync(d.Id, Request("Lê Văn Cường", "0905 123 456", sms: true, email: true, address: "cuong@example.vn"));
        var quiet = await requests.SubmitAsync(d.Id, Request("Phạm Thị Dung", "0912345678"));

        await requests.AcceptAsync(CoreTestHost.Secretary, asks.Id);
        await requests.AcceptAsync(CoreTestHost.Secretary, quiet.Id);

        await using var db = host.NewDb();
        var petition = Assert.Single(await db.Petitions.AsNoTracking().ToListAsync()); // the one who asked for nothing raised no petition
        var saved = await db.SpeakerRequests.AsNoTracking().SingleAsync(r => r.Id == asks.Id);
        Assert.Equal(petition.Id, saved.PetitionId);
        Assert.Equal((PetitionChannel.AtSession, "Lê Văn Cường", "0905123456", "cuong@example.vn"), (petition.Channel, petition.PetitionerName, petition.Phone, petition.Email));
        Assert.Equal(asks.Topic, petition.Text);
        Assert.NotNull(petition.VillageId); // "Thôn Châu Me" is the commune's village
        Assert.Equal((true, false, true), (petition.NotifyBySms, petition.NotifyByZalo, petition.NotifyByEmail));
        // The consent is the citizen's own, given on the form, with the text they read: not the secretary's at accepting.
        Assert.Equal((saved.ConsentAtUtc, saved.ConsentBy, saved.ConsentPurpose), (petition.ConsentAtUtc, petition.ConsentBy, petition.ConsentPurpose));
        Assert.Equal(Actor.Citizen.UserName, petition.ConsentBy);
        // The speaker in the queue carries the petition, as one raised at the counter does.
        Assert.True(await db.SpeakerPetitions.AnyAsync(sp => sp.SpeakerId == saved.SpeakerId && sp.PetitionId == petition.Id));

        var told = await OutboxAsync(host);
        Assert.Equal([MessageChannel.Sms, MessageChannel.Email], told.Select(m => m.Channel));
        Assert.All(told, m => Assert.Equal((MessageKind.PetitionReceived, petition.Id), (m.Kind, m.PetitionId!.Value)));
        Assert.All(told, m => Assert.Contains($"đã tiếp nhận kiến nghị {petition.Code}", m.Body));
        Assert.Equal(["0905123456", "cuong@example.vn"], told.Select(m => m.Recipient));
    }

    [Fact]
    public async Task Two_operators_accepting_at_once_record_one_petition_and_a_person_already_waiting_records_none()
    {
        await using var host = await HostAsync();
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        var r = await requests.SubmitAsync(d.Id, Request("Lê Văn Cường", "0905123456", sms: true));

        using var start = new Barrier(3);
        var operators = new[] { CoreTestHost.Secretary, CoreTestHost.Chairman, CoreTestHost.Secretary };
        var outcomes = await Task.WhenAll(operators.Select(actor => Task.Run(async () =>
        {
            start.SignalAndWait();
            try { await requests.AcceptAsync(actor, r.Id); return null; } catch (Exception e) { return e; }
        })));
        Assert.Single(outcomes, e => e is null);
        Assert.Equal(2, outcomes.Count(e => e is DomainException));
        await using (var db = host.NewDb())
        {
            Assert.Equal(1, await db.Petitions.CountAsync());
            Assert.Equal(1, await db.Speakers.CountAsync());
        }
        Assert.Single(await OutboxAsync(host));

        // Registered at the counter already: the phone request is refused like a second registration, and nothing is recorded.
        await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id,
            new SpeakerInput { Name = "Phạm Thị Dung", VillageOrOrganisation = "thôn châu me", Topic = "Đường liên thôn" });
        var twice = await requests.SubmitAsync(d.Id, Request("Phạm Thị Dung", "0912345678", sms: true));
        var refused = await Assert.ThrowsAsync<DomainException>(() => requests.AcceptAsync(CoreTestHost.Secretary, twice.Id));
        Assert.Contains("Phạm Thị Dung", refused.Message);
        await using (var db = host.NewDb()) Assert.Equal(1, await db.Petitions.CountAsync());
        Assert.Single(await OutboxAsync(host));
    }

    [Theory]
    [InlineData(true, false, null, null, "Muốn nhận tin qua SMS hoặc Zalo, xin nhập số điện thoại.")]
    [InlineData(false, true, "0905123456", null, "Muốn nhận tin qua thư điện tử, xin nhập địa chỉ thư điện tử.")]
    [InlineData(false, true, "0905123456", "cuong@", "Địa chỉ thư điện tử không hợp lệ.")]
    [InlineData(true, false, "+1 202 555 0100", null, "Số điện thoại")]
    public async Task The_phone_form_refuses_a_channel_without_its_address_in_Vietnamese(bool sms, bool email, string? phone, string? address, string message)
    {
        await using var host = await HostAsync();
        var d = await HallData.OpenSessionAsync(host);
        var e = await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<SpeakerRequestService>().SubmitAsync(d.Id, Request("Lê Văn Cường", phone, sms, email, address)));
        Assert.Contains(message, e.Message);
        await using var db = host.NewDb();
        Assert.False(await db.SpeakerRequests.AnyAsync());
    }

    [Fact]
    public async Task An_imported_row_with_channels_is_told_of_receipt_and_an_unknown_channel_or_one_without_its_address_is_refused()
    {
        await using var host = await HostAsync();
        await WorkflowData.VillageAsync(host, "Thôn Châu Me");
        var d = await WorkflowData.DialogueAsync(host);
        var headers = ImportColumn.All.Select(c => c.Header).ToArray();
        string?[] Row(string name, string? phone, string? email, string? notify)
        {
            var row = new string?[headers.Length];
            void Set(string key, string? value) => row[ImportColumn.All.ToList().FindIndex(c => c.Key == key)] = value;
            Set("name", name); Set("village", "Châu Me"); Set("received", "20/02/2026"); Set("field", "Khác");
            Set("text", "Đề nghị sửa đường liên thôn " + name); Set("phone", phone); Set("email", email); Set("notify", notify);
            return row;
        }
        using var file = new MemoryStream();
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet("Kiến nghị");
            string?[][] rows =
            [
                headers,
                Row("Nguyễn Văn An", "0905123456", "an@example.vn", "SMS, Thư điện tử"),
                Row("Trần Thị Bình", "0912345678", null, null),
                Row("Lê Văn Cường", "0913000111", null, "Fax"),
                Row("Phạm Thị Dung", null, null, "Zalo"),
                Row("Hoàng Văn Em", "0914000222", null, "zalo; e-mail"),
            ];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < headers.Length; c++)
                    if (rows[r][c] is { } v) ws.Cell(r + 1, c + 1).SetValue(v);
            wb.SaveAs(file);
        }
        file.Position = 0;
        var import = host.Get<PetitionImport>();

        var preview = await import.PreviewAsync(CoreTestHost.Secretary, d.Id, file);

        Assert.Equal(2, preview.ValidCount);
        var unknown = Assert.Single(preview.Rows, r => r.Input.PetitionerName == "Lê Văn Cường").Errors;
        Assert.Contains(unknown, e => e.Column == "Nhận tin qua" && e.Message.Contains("\"Fax\""));
        var noPhone = Assert.Single(preview.Rows, r => r.Input.PetitionerName == "Phạm Thị Dung").Errors;
        Assert.Contains(noPhone, e => e.Message.Contains("cần số điện thoại"));
        var noAddress = Assert.Single(preview.Rows, r => r.Input.PetitionerName == "Hoàng Văn Em").Errors;
        Assert.Contains(noAddress, e => e.Message.Contains("cần địa chỉ thư điện tử"));

        await import.ConfirmAsync(CoreTestHost.Secretary, d.Id, preview, consentConfirmed: true, keepDuplicates: true);

        await using var db = host.NewDb();
        var an = await db.Petitions.AsNoTracking().SingleAsync(p => p.PetitionerName == "Nguyễn Văn An");
        Assert.Equal((true, false, true, "an@example.vn"), (an.NotifyBySms, an.NotifyByZalo, an.NotifyByEmail, an.Email));
        Assert.NotNull(an.NotifyChangedAtUtc);
        var told = await OutboxAsync(host);
        Assert.Equal([(MessageChannel.Sms, "0905123456"), (MessageChannel.Email, "an@example.vn")], told.Select(m => (m.Channel, m.Recipient)));
        Assert.All(told, m => Assert.Equal((MessageKind.PetitionReceived, an.Id), (m.Kind, m.PetitionId!.Value)));
        Assert.All(told, m => Assert.Contains(an.Code, m.Body));
    }
}
