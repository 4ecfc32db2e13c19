using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Portal.Http;

/// <summary>The two pages a citizen opens without signing in: the lookup and the phone form to ask to speak.</summary>
public sealed partial class PublicPagesTests
{
    private static readonly Actor Secretary = new("s", "thuky", new HashSet<string> { Roles.Secretary });

    private static async Task<(Dialogue Dialogue, Petition Petition)> ArrangeAsync(PortalFactory factory, bool inSession = false,
        string title = "Đối thoại về cải cách hành chính năm 2026")
    {
        var dialogues = factory.Services.GetRequiredService<DialogueService>();
        var d = await dialogues.CreateAsync(Secretary, new DialogueInput
        {
            Title = title, Year = 2027, Quarter = 1, SessionDate = new DateOnly(2027, 3, 16), // a Tuesday
            StartTime = new TimeOnly(8, 0), Venue = "Hội trường UBND xã Phổ Châu", ChairName = "Lê Văn Thái", SecretaryName = "Nguyễn Thị Mai",
        });
        var p = await factory.Services.GetRequiredService<PetitionService>().CreateAsync(Secretary, new PetitionInput
        {
            Consent = true,
            DialogueId = d.Id, PetitionerName = "Đinh Thị Riêng Tư", Channel = PetitionChannel.OneStopDesk, ReceivedOn = DateOnly.FromDateTime(DateTime.Today),
            Field = PetitionField.Other, Text = "Đường liên thôn xuống cấp.", Phone = "0912345678", Address = "Số 7 đường Bí Mật", IdCardNumber = "049099988877",
        });
        if (inSession)
        {
            await dialogues.MoveAsync(Secretary, d.Id, DialogueState.Announced);
            await factory.Services.GetRequiredService<HallSessionService>().OpenSessionAsync(Secretary, d.Id, "Diễn tập");
        }
        return (d, p);
    }

    /// <summary>Opens the page, then posts its form as a browser would: the antiforgery token and the form's name.</summary>

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Both_public_pages_open_without_signing_in_while_every_staff_page_still_asks_for_it()
    {
        await using var factory = new PortalFactory();
        var (d, p) = await ArrangeAsync(factory, inSession: true);
        var phone = factory.NewClientFrom("192.168.1.50");

        var lookup = await phone.GetAsync($"/tra-cuu?ma={p.Code}");
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        var html = await TextAsync(lookup);
        Assert.Contains("Tra cứu kiến nghị, phản ánh", html);
        Assert.Contains("Ủy ban nhân dân xã Phổ Châu", html); // the citizen sees whose page this is
        Assert.Contains($"value=\"{p.Code}\"", html); // the QR code's ?ma= fills the code in
        Assert.DoesNotContain("blazor-error-ui\" style=\"display: block", html);
        var speak = await phone.GetAsync($"/sessions/{d.Id}/dang-ky");
        Assert.Equal(HttpStatusCode.OK, speak.StatusCode);
        Assert.Contains("Đăng ký phát biểu", await TextAsync(speak));

        foreach (var path in new[] { "/", "/petitions", $"/petitions/{p.Id}", $"/sessions/{d.Id}/hall", $"/sessions/{d.Id}/chair", $"/sessions/{d.Id}/display", "/answer-templates", "/admin/backups", $"/petitions/{p.Id}/receipt" })
        {
            var response = await phone.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login"),
                $"{path} answered {(int)response.StatusCode} to a visitor who is not signed in");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/sessions/987654/dang-ky")).StatusCode);
    }

    [Fact]
    public async Task The_right_code_and_PIN_show_the_state_and_nothing_personal_and_a_wrong_one_says_the_same_as_a_missing_one()
    {
        await using var factory = new PortalFactory();
        var (_, p) = await ArrangeAsync(factory);
        var phone = factory.NewClientFrom("192.168.1.51");

        var found = await TextAsync(await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", p.Code.ToLowerInvariant()), ("Find.Pin", p.IssuedPin!)));
        Assert.Contains("data-testid=\"lookup-result\"", found);
        Assert.Contains(p.Code, found);
        Assert.Contains("Đã tiếp nhận", found);
        foreach (var secret in new[] { "Đinh Thị Riêng Tư", "0912345678", "Bí Mật", "049099988877", "Đường liên thôn" })
            Assert.DoesNotContain(secret, found);

        var wrongPin = await TextAsync(await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", p.IssuedPin == "000000" ? "000001" : "000000")));
        var missing = await TextAsync(await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", "KN-2026-999"), ("Find.Pin", p.IssuedPin!)));
        var otherFormat = await TextAsync(await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", "<script>alert(1)</script>"), ("Find.Pin", "12")));
        foreach (var answer in new[] { wrongPin, missing, otherFormat })
        {
            Assert.Contains("Không tìm thấy kiến nghị với mã và mã PIN đã nhập", answer);
            Assert.DoesNotContain("lookup-result", answer);
        }
        Assert.Equal(Error(wrongPin), Error(missing));
        Assert.DoesNotContain("<script>alert(1)</script>", await (await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", "<script>alert(1)</script>"), ("Find.Pin", "12"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_ten_failed_tries_an_address_is_refused_even_with_the_right_PIN_and_other_addresses_go_on()
    {
        await using var factory = new PortalFactory();
        var (_, p) = await ArrangeAsync(factory);
        var guesser = factory.NewClientFrom("10.20.30.40");
        var wrong = p.IssuedPin == "000000" ? "000001" : "000000";
        // Ten misses over codes that do not exist (a code's own wrong PINs lock that code after five: PublicLookupTests).
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await PortalFactory.PostFormAsync(guesser, "/tra-cuu", "lookup", ("Find.Code", $"KN-2026-{900 + i}"), ("Find.Pin", wrong))).StatusCode);

        var refused = await PortalFactory.PostFormAsync(guesser, "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", p.IssuedPin!));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var text = await TextAsync(refused);
        Assert.Contains("nhập sai quá nhiều lần", text);
        Assert.DoesNotContain("lookup-result", text);

        var citizen = factory.NewClientFrom("10.20.30.41");
        Assert.Contains("lookup-result", await TextAsync(await PortalFactory.PostFormAsync(citizen, "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", p.IssuedPin!))));
        // A citizen who looks their petition up every day is never counted: only misses are.
        for (var i = 0; i < 12; i++)
            Assert.Equal(HttpStatusCode.OK, (await PortalFactory.PostFormAsync(citizen, "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", p.IssuedPin!))).StatusCode);
    }

    [Fact]
    public async Task A_phone_registration_lands_pending_and_a_closed_session_bad_input_or_a_flood_are_refused_with_nothing_saved()
    {
        await using var factory = new PortalFactory();
        var (open, _) = await ArrangeAsync(factory, inSession: true);
        var (planned, _) = await ArrangeAsync(factory, title: "Đối thoại cụm thôn Châu Me");
        var phone = factory.NewClientFrom("192.168.1.60");
        var path = $"/sessions/{open.Id}/dang-ky";

        var received = await PortalFactory.PostFormAsync(phone, path, "speak", ("Input.Name", "Lê Văn Cường"), ("Input.VillageOrOrganisation", "Thôn Châu Me"),
            ("Input.Topic", "<script>alert('x')</script> Cấp sổ đỏ chậm"), ("Input.Phone", "0905 111 222"), ("Input.Consent", "true"));
        var html = await received.Content.ReadAsStringAsync();
        Assert.Contains("Đã nhận đăng ký của bạn", WebUtility.HtmlDecode(html));
        Assert.Contains("Thư ký đang xem xét", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("<script>alert('x')</script>", html); // shown as text
        var pending = Assert.Single(await factory.Services.GetRequiredService<SpeakerRequestService>().PendingAsync(Secretary, open.Id));
        Assert.Equal(("Lê Văn Cường", "0905111222"), (pending.Name, pending.Phone));
        Assert.Empty((await factory.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(open.Id)).Queue);

        var closed = await TextAsync(await phone.GetAsync($"/sessions/{planned.Id}/dang-ky"));
        Assert.Contains("chưa bắt đầu hoặc đã kết thúc", closed);
        Assert.DoesNotContain("speak-form", closed);
        var tooLong = await TextAsync(await PortalFactory.PostFormAsync(factory.NewClientFrom("192.168.1.61"), path, "speak", ("Input.Name", "Phạm Thị Dung"),
            ("Input.VillageOrOrganisation", "Thôn Vĩnh Tuy"), ("Input.Topic", new string('x', 10_000)), ("Input.Consent", "true")));
        Assert.Contains("speak-error", tooLong);
        Assert.Contains("Phạm Thị Dung", tooLong); // what was typed stays
        var samePhone = await TextAsync(await PortalFactory.PostFormAsync(factory.NewClientFrom("192.168.1.62"), path, "speak", ("Input.Name", "Người khác"),
            ("Input.VillageOrOrganisation", "Thôn Vĩnh Tuy"), ("Input.Topic", "Đất đai"), ("Input.Phone", "0905111222"), ("Input.Consent", "true")));
        Assert.Contains("Số điện thoại này đã đăng ký", samePhone);

        // Five posts in ten minutes from one address, then 429 (opening the page is not counted).
        var flood = factory.NewClientFrom("192.168.1.63");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await PortalFactory.PostFormAsync(flood, path, "speak", ("Input.Name", $"Khách {i}"), ("Input.VillageOrOrganisation", "Thôn Tân Hy"), ("Input.Topic", "Thủ tục"), ("Input.Consent", "true"))).StatusCode);
        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await flood.GetAsync(path)).StatusCode);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync();
        Assert.Equal(6, await db.SpeakerRequests.CountAsync()); // Cường and five of the flood; nothing from the refused posts
        Assert.False(await db.SpeakerRequests.AnyAsync(r => r.DialogueId == planned.Id));
    }

    private static string Error(string html) => ErrorText().Match(html).Value;

    [GeneratedRegex("data-testid=\"lookup-error\">[^<]*")]
    private static partial Regex ErrorText();

    [Fact]
    public async Task Wrong_PINs_on_one_code_from_six_addresses_lock_the_code_and_the_citizen_is_told_to_contact_the_commune()
    {
        await using var factory = new PortalFactory();
        var (_, p) = await ArrangeAsync(factory);
        var wrong = p.IssuedPin == "000000" ? "000001" : "000000";
        for (var i = 0; i < 6; i++)
            await PortalFactory.PostFormAsync(factory.NewClientFrom($"10.20.31.{i + 1}"), "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", wrong));
        var text = await TextAsync(await PortalFactory.PostFormAsync(factory.NewClientFrom("10.20.31.99"), "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", p.IssuedPin!)));
        Assert.DoesNotContain("lookup-result", text);
        Assert.Contains("liên hệ Bộ phận một cửa", text);
    }
}
