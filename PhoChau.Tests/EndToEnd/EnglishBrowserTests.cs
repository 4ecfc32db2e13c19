using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.EndToEnd;

/// <summary>A commune laptop whose browser is set to English: dates and times still read and are typed the Vietnamese way.</summary>
public sealed class EnglishBrowserTests
{
    [Fact]
    public async Task In_an_English_browser_a_date_typed_day_first_is_stored_as_typed_and_a_month_first_one_is_refused_beside_the_field()
    {
        await using var english = await EnglishSecretary.OpenAsync("/petitions/new?dialogue=1");
        var (portal, page) = (english.Portal, english.Page);
        var received = page.Locator("input[data-testid=petition-received]");
        Assert.Equal("text", await received.GetAttributeAsync("type")); // not the browser's own (mm/dd/yyyy) date input
        Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", await received.InputValueAsync());

        await page.FillAsync("input[data-testid=petitioner-name]", "Phan Văn Ngày");
        await page.FillAsync("input[data-testid=petition-procedure]", "Chứng thực bản sao");
        await page.FillAsync("textarea[data-testid=petition-text]", "Đề nghị công khai lịch tiếp dân.");
        await page.Locator("[data-testid=petition-consent] input, input[data-testid=petition-consent]").CheckAsync(new() { Force = true });
        await received.FillAsync("03/15/2026"); // month first, as an English laptop would show it
        await received.BlurAsync();
        await page.WaitForSelectorAsync(".mud-input-helper-text.mud-input-error:has-text('Ngày không hợp lệ')");
        await page.ClickAsync("[data-testid=save-petition]");
        await page.WaitForSelectorAsync(".mud-snackbar:has-text('Chưa lưu')");
        Assert.Equal(0, await CountAsync(portal, "Phan Văn Ngày"));

        await received.FillAsync("15032026"); // the Vietnamese way, without separators
        await received.BlurAsync();
        await Assertions.Expect(received).ToHaveValueAsync("15/03/2026");
        await page.ClickAsync("[data-testid=save-petition]");
        await page.WaitForSelectorAsync("[data-testid=petition-code]");
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContext();
        var saved = await db.Petitions.IgnoreQueryFilters().SingleAsync(p => p.PetitionerName == "Phan Văn Ngày");
        Assert.Equal(new DateOnly(2026, 3, 15), saved.ReceivedOn);
        Assert.Contains("15/03/2026", await page.ContentAsync());

        // Just saved: the "saved" message is up, and the receipt buttons are not under it.
        await page.WaitForSelectorAsync(".mud-snackbar");
        foreach (var selector in new[] { "[data-testid=print-receipt]", "[data-testid=fresh-receipt-print]" })
        {
            var onTop = await page.EvaluateAsync<bool>(
                "s => { const r = document.querySelector(s).getBoundingClientRect(); const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return !!e && !!e.closest(s); }",
                selector);
            Assert.True(onTop, $"{selector} is covered");
        }
        await page.ClickAsync("[data-testid=print-receipt]");
        await page.WaitForURLAsync(u => u.Contains("/receipt"));
    }

    [Fact]
    public async Task In_an_English_browser_the_session_time_is_on_the_24_hour_clock()
    {
        await using var english = await EnglishSecretary.OpenAsync("/dialogues/new");
        var page = english.Page;
        var time = page.Locator("input[data-testid=dialogue-time]");
        await time.FillAsync("14h30");
        await time.BlurAsync();
        await Assertions.Expect(time).ToHaveValueAsync("14:30");
        Assert.DoesNotContain("PM", await page.InnerTextAsync("body"));
        await time.FillAsync("2:30 PM");
        await time.BlurAsync();
        await page.WaitForSelectorAsync(".mud-input-helper-text.mud-input-error:has-text('Giờ không hợp lệ')");
    }

    private static async Task<int> CountAsync(RunningPortal portal, string name)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContext();
        return await db.Petitions.IgnoreQueryFilters().CountAsync(p => p.PetitionerName == name);
    }

    /// <summary>The demo portal, and the secretary signed in on a page in a Chromium whose language is English.</summary>
    private sealed class EnglishSecretary : IAsyncDisposable
    {
        private Chromium _chromium = default!;
        public RunningPortal Portal { get; private set; } = default!;
        public IPage Page { get; private set; } = default!;

        public static async Task<EnglishSecretary> OpenAsync(string path)
        {
            var s = new EnglishSecretary();
            s._chromium = await Browser.LaunchAsync("en-US");
            s.Portal = await RunningPortal.StartAsync(demo: true);
            var context = await s._chromium.Browser.NewContextAsync(new() { Locale = "en-US" });
            s.Page = await context.NewPageAsync();
            Assert.StartsWith("en-US", await s.Page.EvaluateAsync<string>("navigator.language"));
            await Browser.SignInAsync(s.Page, s.Portal.BaseUrl, "thuky", PortalFactory.UserPassword);
            await Browser.GotoInteractiveAsync(s.Page, s.Portal.BaseUrl + path);
            return s;
        }

        public async ValueTask DisposeAsync()
        {
            await _chromium.DisposeAsync();
            await Portal.DisposeAsync();
        }
    }
}
