using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhoChau.Core.Petitions;
using PhoChau.Core.Documents.Signing;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>Issue 33.5: every screen works from the keyboard, and the keyboard's place is seen, on the projector too.</summary>
public sealed class KeyboardTests
{
    private static readonly Actor Secretary = new("s", "thuky", new HashSet<string> { Roles.Secretary });

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; false after <paramref name="max"/> presses.</summary>
    private static async Task<bool> TabToAsync(IPage page, string selector, int max = 120)
    {
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(selector)}) === true")) return true;
        }
        return false;
    }

    [Fact]
    public async Task An_officer_opens_a_petition_from_the_inbox_with_Tab_and_Enter_only()
    {
        await using var chromium = await Browser.LaunchAsync("en-US");
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "diachinh", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/inbox");
        await page.WaitForSelectorAsync("[data-testid=petition-link]");

        Assert.True(await TabToAsync(page, "[data-testid=petition-link]"), "Tab never reached a petition of the inbox");
        var code = (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, @"/petitions/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(code);
    }

    /// <summary>
    /// The chair's department buttons at 1280×720: focused from the keyboard, the pixels that change around the button
    /// differ from what was there by 3:1 or more (WCAG 2.2 focus appearance), in a ring at least 2 px thick.
    /// </summary>
    [Fact]
    public async Task On_the_projector_the_focus_ring_of_a_department_button_contrasts_3_to_1_and_is_at_least_2_px()
    {
        await using var chromium = await Browser.LaunchAsync("en-US");
        await using var portal = await DemoSession.StartAsync();
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        await using (var db = portal.Services.GetRequiredService<IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>().CreateDbContext())
        {
            var petitionId = await db.Petitions.Where(p => p.State == PetitionState.Received).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var state = await queue.RegisterAsync(Secretary, 1, new SpeakerInput { Name = "Huỳnh Thị Thu Hà", VillageOrOrganisation = "Thôn Châu Me", Topic = "Đất đai", PetitionIds = [petitionId] });
            state = await queue.MoveAsync(Secretary, 1, state.Queue[^1].SpeakerId, 0, state.Version);
            await queue.CallNextAsync(Secretary, 1, state.Version);
        }
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "chutich", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/sessions/1/chair");
        await page.WaitForSelectorAsync("[data-testid=assign-dept]");

        Assert.True(await TabToAsync(page, "[data-testid=assign-dept]"), "Tab never reached a department button");
        var box = await page.EvaluateAsync<double[]>("() => { const r = document.activeElement.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }");
        var clip = new Clip { X = (float)Math.Max(0, box[0] - 12), Y = (float)Math.Max(0, box[1] - 12), Width = (float)box[2] + 24, Height = (float)box[3] + 24 };
        var focused = PngImage.Decode(await page.ScreenshotAsync(new() { Clip = clip }));
        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Mouse.MoveAsync(0, 700); // no hover on the button either
        await Task.Delay(300); // MudBlazor's transitions
        var plain = PngImage.Decode(await page.ScreenshotAsync(new() { Clip = clip }));

        Assert.Equal((focused.Width, focused.Height), (plain.Width, plain.Height));
        // Along the middle row, from the left edge of the clip inwards: the run of pixels that changed by 3:1 or more.
        var y = focused.Height / 2;
        var run = 0;
        var best = 0;
        for (var x = 0; x < Math.Min(focused.Width, 24); x++)
        {
            run = Contrast(Pixel(focused, x, y), Pixel(plain, x, y)) >= 3 ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        Assert.True(best >= 2, $"the focus ring beside the button is {best} px of 3:1 contrast (2 wanted)");
        // And all around: above the button too.
        var x0 = focused.Width / 2;
        run = best = 0;
        for (var yy = 0; yy < Math.Min(focused.Height, 24); yy++)
        {
            run = Contrast(Pixel(focused, x0, yy), Pixel(plain, x0, yy)) >= 3 ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        Assert.True(best >= 2, $"the focus ring above the button is {best} px of 3:1 contrast (2 wanted)");
    }

    /// <summary>
    /// Issue 33.8: the chairman's dashboard shows the year in charts on a 1366×768 laptop (the README's screenshot,
    /// written to docs/ with PHOCHAU_UPDATE_DOCS=1).
    /// </summary>
    [Fact]
    public async Task The_chairmans_dashboard_shows_the_year_in_charts()
    {
        await using var chromium = await Browser.LaunchAsync("en-US");
        await using var portal = await DemoSession.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "chutich", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/");
        await page.WaitForSelectorAsync("[data-testid=chart-field] svg");
        Assert.Equal(0, await page.Locator("[data-testid=backup-age]").CountAsync());
        foreach (var chart in new[] { "chart-field", "chart-state", "chart-village", "chart-department" })
            Assert.True(await page.Locator($"[data-testid={chart}] svg rect, [data-testid={chart}] svg path").CountAsync() > 0, chart + " draws nothing");
        var charts = page.Locator("[data-testid=year-title]");
        await charts.ScrollIntoViewIfNeededAsync();
        Directory.CreateDirectory(ProjectorTests.DocsFolder());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ProjectorTests.DocsFolder(), "dashboard-charts-1366x768.png"), FullPage = true });
    }

    private static (byte R, byte G, byte B) Pixel(PngImage image, int x, int y)
    {
        var i = (y * image.Width + x) * 3;
        return (image.Rgb[i], image.Rgb[i + 1], image.Rgb[i + 2]);
    }

    /// <summary>WCAG's contrast ratio between two sRGB colours.</summary>
    private static double Contrast((byte R, byte G, byte B) a, (byte R, byte G, byte B) b)
    {
        static double Channel(byte c)
        {
            var v = c / 255.0;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
        static double Luminance((byte R, byte G, byte B) c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
