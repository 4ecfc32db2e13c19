using Microsoft.Playwright;

namespace PhoChau.Tests.Support;

/// <summary>
/// Headless Debian Chromium through Playwright (no browser download works here). Without
/// /usr/bin/chromium a browser test is skipped with the reason; with PHOCHAU_REQUIRE_BROWSER=1
/// (set by .ci/run) it fails instead, so CI never passes on skipped browser tests.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <param name="language">A browser UI language such as "en-US" (a commune laptop set to English).</param>
    public static async Task<Chromium> LaunchAsync(string? language = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Browser test skipped: Chromium not found at {ChromiumPath} (apt-get install -y chromium).";
            if (Environment.GetEnvironmentVariable("PHOCHAU_REQUIRE_BROWSER") == "1") Assert.Fail(reason);
            Assert.Skip(reason);
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", .. (language is null ? Array.Empty<string>() : [$"--lang={language}"])],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>Opens a page and waits until its circuit is live, so what the test types is not lost to prerendering.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        try { await page.WaitForSelectorAsync("[data-interactive=true]"); }
        catch (TimeoutException) { await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "phochau-goto-fail.png") }); throw; }
    }

    /// <summary>Signs in through the real form and waits for the interactive dashboard.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string userName, string password)
    {
        await page.GotoAsync(baseUrl + "/");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=dashboard-title]");
        await page.WaitForSelectorAsync("[data-interactive=true]");
    }

    /// <summary>
    /// "Khai mạc" on the secretary's console, then its confirmation: the demo's session is announced three weeks ahead,
    /// so opening today asks why (issue 33.4), and the reason is given.
    /// </summary>
    public static async Task OpenFromConsoleAsync(IPage secretary)
    {
        await secretary.ClickAsync("[data-testid=open-session]");
        await secretary.WaitForSelectorAsync("[data-testid=open-confirm]");
        if (await secretary.Locator("textarea[data-testid=open-reason]").CountAsync() > 0)
            await secretary.FillAsync("textarea[data-testid=open-reason]", "Diễn tập trước ngày đối thoại");
        await secretary.ClickAsync("[data-testid=open-yes]");
        await secretary.WaitForSelectorAsync("[data-testid=session-state]:has-text('Đang đối thoại')");
    }

    /// <summary>The secretary opens session 1 from the hall's console, and the chair's console shows it.</summary>
    public static async Task OpenSessionAsync(IPage secretary, IPage chair, string baseUrl)
    {
        await SignInAsync(secretary, baseUrl, "thuky", PortalFactory.UserPassword);
        await GotoInteractiveAsync(secretary, baseUrl + "/sessions/1/hall");
        await OpenFromConsoleAsync(secretary);
        await SignInAsync(chair, baseUrl, "chutich", PortalFactory.UserPassword);
        await GotoInteractiveAsync(chair, baseUrl + "/sessions/1/chair");
        await chair.WaitForSelectorAsync("[data-testid=next-speakers]");
    }

    /// <summary>
    /// Clicks a button that downloads a file. A whole CI run loads the machine, so the file may take
    /// longer than Playwright's 30 s; when none comes, the failure says what the page showed instead
    /// (the page's refusal in a snackbar) rather than only "timeout".
    /// </summary>
    public static async Task<IDownload> DownloadAsync(IPage page, string selector)
    {
        try
        {
            return await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector), new() { Timeout = 90_000 });
        }
        catch (TimeoutException ex)
        {
            // What to look at next time: a refusal, a page that moved on (signed out, reconnecting), the page's text.
            var shown = await page.Locator(".mud-snackbar").AllInnerTextsAsync();
            var body = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException(
                $"No file came from {selector}; the page showed: [{string.Join(" | ", shown)}] at {page.Url}: {body[..Math.Min(600, body.Length)]}", ex);
        }
    }
}

/// <summary>A launched Chromium and its Playwright driver, closed together.</summary>
public sealed class Chromium(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public IPlaywright Playwright { get; } = playwright;
    public IBrowser Browser { get; } = browser;

    public void Deconstruct(out IPlaywright driver, out IBrowser launched) => (driver, launched) = (Playwright, Browser);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
