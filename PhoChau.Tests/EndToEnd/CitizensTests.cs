using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>The citizen's side in a real browser: a phone registers to speak, looks a petition up; the receipt prints with a readable QR code.</summary>
public sealed class CitizensTests
{
    private static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
    };

    [Fact]
    public async Task A_phone_registers_to_speak_the_secretary_accepts_it_live_and_the_chair_sees_it_in_the_queue()
    {
        QrReader.Require();
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        await using var secretaryContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await using var chairContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await using var phoneContext = await browser.NewContextAsync(Phone);
        var secretary = await secretaryContext.NewPageAsync();
        var chair = await chairContext.NewPageAsync();

        await Browser.OpenSessionAsync(secretary, chair, portal.BaseUrl);
        await secretary.WaitForSelectorAsync("[data-testid=pending-requests]");

        // The hall display shows the QR code of the form, drawn by the portal; a phone's camera reads its address.
        var display = await secretaryContext.NewPageAsync();
        await Browser.GotoInteractiveAsync(display, portal.BaseUrl + "/sessions/1/display");
        var qr = await display.WaitForSelectorAsync("[data-testid=display-qr] img");
        var shown = (await display.TextContentAsync("[data-testid=display-qr-url]"))!.Trim();
        Assert.EndsWith("/sessions/1/dang-ky", shown);
        var shot = Path.Combine(portal.DataRoot, "display-qr.png");
        await qr!.ScreenshotAsync(new() { Path = shot });
        Assert.Equal([shown], await QrReader.DecodeImageAsync(shot));

        // The citizen, not signed in, on a phone.
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(portal.BaseUrl + "/sessions/1/dang-ky");
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the form scrolls sideways on a phone");
        await phone.FillAsync("[data-testid=speak-name]", "Hồ Thị Điện Thoại");
        await phone.FillAsync("[data-testid=speak-from]", "Thôn Châu Me");
        await phone.FillAsync("[data-testid=speak-topic]", "Thời gian cấp sổ đỏ");
        await phone.FillAsync("[data-testid=speak-phone]", "0935 222 333");
        await phone.CheckAsync("[data-testid=speak-consent]");
        await phone.ClickAsync("[data-testid=speak-submit]");
        await phone.WaitForSelectorAsync("[data-testid=speak-received]");
        Assert.Contains("Thư ký đang xem xét", await phone.TextContentAsync("[data-testid=speak-received]"));

        // Pending on the secretary's console, live; not on the chair's console or the display.
        await secretary.WaitForSelectorAsync("[data-testid=pending-name]:has-text('Hồ Thị Điện Thoại')");
        await Task.Delay(500);
        Assert.DoesNotContain("Hồ Thị Điện Thoại", await chair.ContentAsync());
        Assert.DoesNotContain("Hồ Thị Điện Thoại", await display.ContentAsync());

        await secretary.ClickAsync("[data-testid=pending-request]:has-text('Hồ Thị Điện Thoại') >> [data-testid=accept-request]");
        await chair.WaitForSelectorAsync("[data-testid=next-name]:has-text('Hồ Thị Điện Thoại')");
        await secretary.WaitForSelectorAsync("[data-testid=queue-name]:has-text('Hồ Thị Điện Thoại')");
        Assert.Empty(await secretary.QuerySelectorAllAsync("[data-testid=pending-name]:has-text('Hồ Thị Điện Thoại')"));
        var saved = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);
        Assert.Contains(saved.Waiting, w => w.Name == "Hồ Thị Điện Thoại" && w.Topic == "Thời gian cấp sổ đỏ");

        // The one-key way: R rejects the oldest pending request (outside the typing fields).
        await phone.GotoAsync(portal.BaseUrl + "/sessions/1/dang-ky");
        await phone.FillAsync("[data-testid=speak-name]", "Trần Văn Phím");
        await phone.FillAsync("[data-testid=speak-from]", "Thôn Tân Hy");
        await phone.FillAsync("[data-testid=speak-topic]", "Hộ tịch");
        await phone.CheckAsync("[data-testid=speak-consent]");
        await phone.ClickAsync("[data-testid=speak-submit]");
        await secretary.WaitForSelectorAsync("[data-testid=pending-name]:has-text('Trần Văn Phím')");
        await secretary.EvaluateAsync("document.activeElement?.blur()");
        await secretary.Keyboard.PressAsync("r");
        await secretary.WaitForSelectorAsync("[data-testid=pending-name]:has-text('Trần Văn Phím')", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        Assert.DoesNotContain((await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1)).Queue, q => q.Name == "Trần Văn Phím");
    }

    [Fact]
    public async Task A_phone_asks_to_be_told_by_SMS_and_accepting_records_its_petition_whose_code_reaches_the_gateway()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true, new Dictionary<string, string>
        {
            ["Messages:Sms:Url"] = gateway.Url + "/sms", ["Messages:Sms:Body"] = "{\"to\":\"{phone}\",\"text\":\"{text}\"}",
            ["Messages:QuietFrom"] = "00:00", ["Messages:QuietUntil"] = "00:00", // any hour the tests run
        });
        await using var secretaryContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await using var chairContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await using var phoneContext = await browser.NewContextAsync(Phone);
        var secretary = await secretaryContext.NewPageAsync();
        await Browser.OpenSessionAsync(secretary, await chairContext.NewPageAsync(), portal.BaseUrl);

        // Only the channel this portal sends on is offered (SMS; no Zalo, no e-mail), unticked.
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(portal.BaseUrl + "/sessions/1/dang-ky");
        await phone.WaitForSelectorAsync("[data-testid=speak-notify]");
        Assert.False(await phone.IsCheckedAsync("[data-testid=speak-notify-sms]"));
        Assert.Equal(0, await phone.Locator("[data-testid=speak-notify-zalo], [data-testid=speak-notify-email]").CountAsync());
        await phone.FillAsync("[data-testid=speak-name]", "Võ Thị Nhắn Tin");
        await phone.FillAsync("[data-testid=speak-from]", "Thôn Châu Me");
        await phone.FillAsync("[data-testid=speak-topic]", "Đèn đường thôn Châu Me hỏng đã lâu");
        await phone.CheckAsync("[data-testid=speak-notify-sms]");
        await phone.CheckAsync("[data-testid=speak-consent]");
        // No phone yet: refused in Vietnamese, what was typed kept.
        await phone.ClickAsync("[data-testid=speak-submit]");
        Assert.Contains("xin nhập số điện thoại", await (await phone.WaitForSelectorAsync("[data-testid=speak-error]"))!.TextContentAsync());
        Assert.Equal("Võ Thị Nhắn Tin", await phone.InputValueAsync("[data-testid=speak-name]"));
        Assert.True(await phone.IsCheckedAsync("[data-testid=speak-notify-sms]"));
        await phone.FillAsync("[data-testid=speak-phone]", "0935 444 555");
        await phone.CheckAsync("[data-testid=speak-consent]");
        await phone.ClickAsync("[data-testid=speak-submit]");
        Assert.Contains("SMS", await (await phone.WaitForSelectorAsync("[data-testid=speak-notify-chosen]"))!.TextContentAsync());

        // The secretary sees that accepting records a petition, and accepts.
        var pending = secretary.Locator("[data-testid=pending-request]:has-text('Võ Thị Nhắn Tin')");
        await pending.WaitForAsync();
        Assert.Contains("SMS", await pending.Locator("[data-testid=pending-becomes-petition]").TextContentAsync());
        await pending.Locator("[data-testid=accept-request]").ClickAsync();
        await secretary.WaitForSelectorAsync("[data-testid=queue-name]:has-text('Võ Thị Nhắn Tin')");

        // The petition was recorded with the citizen's channel, and the worker sends its code to the gateway.
        Petition petition;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync())
            petition = await db.Petitions.AsNoTracking().SingleAsync(p => p.PetitionerName == "Võ Thị Nhắn Tin");
        Assert.Equal((PetitionChannel.AtSession, "0935444555", true), (petition.Channel, petition.Phone, petition.NotifyBySms));
        for (var i = 0; i < 80 && gateway.Requests.IsEmpty; i++) await Task.Delay(250);
        var sms = Assert.Single(gateway.Requests);
        Assert.Contains("\"to\":\"0935444555\"", sms.Body);
        Assert.Contains("da tiep nhan kien nghi " + petition.Code, sms.Body);
    }

    [Fact]
    public async Task The_receipt_prints_on_one_page_with_a_QR_code_of_the_lookup_and_its_PIN_opens_the_petition_on_a_phone()
    {
        QrReader.Require();
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        await using var secretaryContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var secretary = await secretaryContext.NewPageAsync();
        var petition = (await portal.Services.GetRequiredService<PetitionQuery>().FindAsync(
            new PhoChau.Core.Security.Actor("s", "thuky", new HashSet<string> { PhoChau.Core.Security.Roles.Secretary }),
            new PetitionFilter { DialogueId = 1, Sort = PetitionSort.Code, Take = 1 })).Rows.Single();

        // A petition recorded before receipts existed gets its first PIN when its receipt is printed.
        await Browser.SignInAsync(secretary, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(secretary, portal.BaseUrl + $"/petitions/{petition.Id}");
        await secretary.ClickAsync("[data-testid=print-receipt]");
        await secretary.WaitForSelectorAsync("[data-testid=receipt-issue]");
        await secretary.ClickAsync("[data-testid=receipt-issue]");
        await secretary.WaitForSelectorAsync("[data-testid=receipt-pin]");
        var pin = (await secretary.TextContentAsync("[data-testid=receipt-pin]"))!.Trim();
        var url = (await secretary.TextContentAsync("[data-testid=receipt-url]"))!.Trim();
        Assert.Matches(@"^\d{6}$", pin);
        Assert.EndsWith($"/tra-cuu?ma={petition.Code}", url);

        var pdf = Path.Combine(portal.DataRoot, "receipt.pdf");
        await secretary.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        var (pages, codes) = await QrReader.DecodePdfAsync(pdf);
        Assert.Equal(1, pages); // one A5 page: the portal's menu and buttons are not printed
        Assert.Equal([url], codes);

        // The citizen opens the lookup (what the QR code opens, on the address the test can reach) and types the PIN.
        await using var phoneContext = await browser.NewContextAsync(Phone);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(portal.BaseUrl + "/tra-cuu?ma=" + petition.Code);
        Assert.Equal(petition.Code, await phone.InputValueAsync("[data-testid=lookup-code-input]"));
        await phone.FillAsync("[data-testid=lookup-pin-input]", pin == "000000" ? "000001" : "000000");
        await phone.ClickAsync("[data-testid=lookup-submit]");
        await phone.WaitForSelectorAsync("[data-testid=lookup-error]");
        await phone.FillAsync("[data-testid=lookup-code-input]", petition.Code);
        await phone.FillAsync("[data-testid=lookup-pin-input]", pin);
        await phone.ClickAsync("[data-testid=lookup-submit]");
        await phone.WaitForSelectorAsync("[data-testid=lookup-result]");
        Assert.Equal(petition.Code, (await phone.TextContentAsync("[data-testid=lookup-code]"))!.Trim());
        Assert.False(string.IsNullOrWhiteSpace(await phone.TextContentAsync("[data-testid=lookup-status]")));
        Assert.DoesNotContain(petition.PetitionerName, await phone.ContentAsync());
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the lookup scrolls sideways on a phone");
    }
}
