using System.Net;
using PhoChau.Core.Commune;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Messages;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Portal.Messages;

/// <summary>The links a citizen's messages carry, as a phone opens them: no sign-in, a page and a button, for that petition only.</summary>
public sealed class MessageLinkPagesTests
{
    private static readonly Actor Secretary = new("s", "thuky", new HashSet<string> { Roles.Secretary });

    [Fact]
    public async Task The_stop_link_asks_first_then_stops_the_messages_and_a_wrong_or_altered_link_stops_nothing()
    {
        await using var factory = new PortalFactory();
        var services = factory.Services;
        var d = await services.GetRequiredService<DialogueService>().CreateAsync(Secretary, new DialogueInput { Title = "Đối thoại thử", Year = 2026, Venue = "Hội trường" });
        var p = await services.GetRequiredService<PetitionService>().CreateAsync(Secretary, new PetitionInput
        {
            DialogueId = d.Id, PetitionerName = "Trần Thị Bình", Phone = "0905123456", NotifyBySms = true, Consent = true,
            Channel = PetitionChannel.OneStopDesk, ReceivedOn = new DateOnly(2026, 3, 1), Field = PetitionField.Other, Text = "Đề nghị sửa đường.",
        });
        var links = services.GetRequiredService<CitizenMessages>().LinksOf(p, await services.GetRequiredService<CommuneProfileService>().GetAsync());
        var phone = factory.NewClientFrom("192.168.1.77");

        var first = await phone.GetAsync(links.Stop);
        Assert.True(first.IsSuccessStatusCode, $"{links.Stop} → {(int)first.StatusCode} {first.Headers.Location}");
        var page = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains($"Ngừng nhận mọi tin nhắn về kiến nghị {p.Code}?", page); // opening the link alone stops nothing
        Assert.True((await WorkflowData.ReloadFromAsync(services, p.Id)).NotifyBySms);

        var altered = links.Stop[..^1] + (links.Stop[^1] == 'A' ? 'B' : 'A');
        var wrong = await phone.GetAsync(altered);
        Assert.True(wrong.IsSuccessStatusCode, $"{altered} → {(int)wrong.StatusCode} {wrong.Headers.Location}");
        Assert.Contains("data-testid=\"stop-invalid\"", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"stop-invalid\"", await phone.GetStringAsync($"/tin-nhan/dung/{p.Id + 1}-{links.Stop.Split('/')[^1].Split('-', 2)[1]}"));

        var done = WebUtility.HtmlDecode(await (await PortalFactory.PostFormAsync(phone, links.Stop, "stop", ("Stop.Key", links.Stop.Split('/')[^1]))).Content.ReadAsStringAsync());
        Assert.Contains($"Bạn sẽ không nhận tin nhắn về kiến nghị {p.Code} nữa.", done);
        Assert.False((await WorkflowData.ReloadFromAsync(services, p.Id)).NotifyBySms);

        // The rating link of another purpose does not open the stop page, nor the other way round.
        Assert.Contains("data-testid=\"rate-invalid\"", await phone.GetStringAsync(links.Stop.Replace("/tin-nhan/dung/", "/danh-gia/")));
        Assert.Contains("data-testid=\"rate-form\"", await phone.GetStringAsync(links.Rate));
    }
}
