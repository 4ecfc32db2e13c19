using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhoChau.Core.Persistence;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>The secretary's laptop in the hall (1366×768): what waits is in sight, Enter adds, nothing typed is lost.</summary>
public sealed class SecretaryConsoleTests
{
    private static async Task<IPage> SecretaryAsync(IBrowser browser, RunningPortal portal)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/sessions/1/hall");
        return page;
    }

    [Fact]
    public async Task Phone_registrations_waiting_are_in_sight_at_1366x768_and_Enter_adds_the_petition_typed_in_the_hall()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await DemoSession.StartAsync();
        var requests = portal.Services.GetRequiredService<SpeakerRequestService>();
        var n = 0;
        foreach (var name in new[] { "Đặng Văn Một", "Đặng Văn Hai", "Đặng Văn Ba" })
            await requests.SubmitAsync(1, new SpeakerRequestInput { Consent = true, Name = name, VillageOrOrganisation = "Thôn Tân Hy", Topic = "Hộ tịch", Phone = $"090512345{n++}" });
        var page = await SecretaryAsync(browser, portal);

        await page.WaitForSelectorAsync("[data-testid=pending-request]:has-text('Đặng Văn Ba')");
        foreach (var accept in await page.QuerySelectorAllAsync("[data-testid=accept-request]"))
        {
            var box = (await accept.BoundingBoxAsync())!;
            Assert.True(box.Y + box.Height <= 768, $"an Accept button is below the screen (y {box.Y + box.Height})");
        }

        // Enter in the multi-line field adds; Shift+Enter is a new line inside the petition.
        await page.FillAsync("input[data-testid=speaker-name]", "Nguyễn Văn Enter");
        await page.FillAsync("input[data-testid=speaker-from]", "Thôn Tân Hy");
        var petition = page.Locator("textarea[data-testid=speaker-new-petition]");
        await petition.ClickAsync();
        await page.Keyboard.TypeAsync("Dòng một");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("Dòng hai");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=queue-name]:has-text('Nguyễn Văn Enter')");
        Assert.Equal("", await petition.InputValueAsync());
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContext();
        var text = await db.Petitions.IgnoreQueryFilters().Where(p => p.PetitionerName == "Nguyễn Văn Enter").Select(p => p.Text).SingleAsync();
        Assert.Equal("Dòng một\nDòng hai", text.Replace("\r", ""));
    }

    [Fact]
    public async Task A_registration_typed_and_not_added_survives_a_reload_and_keys_typed_before_the_page_is_live_are_kept()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await DemoSession.StartAsync();
        var page = await SecretaryAsync(browser, portal);

        await page.FillAsync("input[data-testid=speaker-name]", "Lê Thị Chưa Lưu");
        await page.FillAsync("textarea[data-testid=speaker-new-petition]", "Đề nghị sửa đường.");
        await page.ReloadAsync(); // as the console does by itself after the portal restarts
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await page.WaitForSelectorAsync("[data-testid=draft-restored]");
        Assert.Equal("Lê Thị Chưa Lưu", await page.InputValueAsync("input[data-testid=speaker-name]"));
        Assert.Equal("Đề nghị sửa đường.", await page.InputValueAsync("textarea[data-testid=speaker-new-petition]"));
        await page.PressAsync("input[data-testid=speaker-name]", "Enter");
        await page.WaitForSelectorAsync("[data-testid=queue-name]:has-text('Lê Thị Chưa Lưu')");

        // Saved: nothing is offered back any more.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-interactive=true]");
        Assert.Equal("", await page.InputValueAsync("input[data-testid=speaker-name]"));
        Assert.Empty(await page.QuerySelectorAllAsync("[data-testid=draft-restored]"));

        // Typed into the prerendered page while its circuit is still starting (the script held back 3 s).
        await page.RouteAsync("**/_framework/blazor.web.js*", async route => { await Task.Delay(3000); await route.ContinueAsync(); });
        // Not waiting for the load event: that waits for the held-back script too, and the page may be live by then.
        await page.GotoAsync(portal.BaseUrl + "/sessions/1/hall", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.phochau !== undefined"); // the page's own script keeps drafts: it runs first
        await page.FillAsync("input[data-testid=speaker-name]", "Trần Văn Sớm");
        Assert.Empty(await page.QuerySelectorAllAsync("[data-interactive=true]")); // really before the page was live
        await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-testid=draft-restored]");
        Assert.Equal("Trần Văn Sớm", await page.InputValueAsync("input[data-testid=speaker-name]"));
    }
}
