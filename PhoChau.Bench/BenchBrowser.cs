using Microsoft.Playwright;

namespace PhoChau.Bench;

/// <summary>Debian's Chromium for the benchmarks that open real screens (Blazor circuits), signed in as a user.</summary>
public sealed class BenchBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    public IBrowserContext Context { get; }

    private BenchBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    /// <summary>A browser whose context is signed in as <paramref name="user"/>; null (and why, printed) without Chromium.</summary>
    public static async Task<BenchBrowser?> SignedInAsync(string baseUrl, string user, string what)
    {
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"{what}: skipped, {Chromium} not found");
            return null;
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
        var context = await browser.NewContextAsync();
        var login = await context.NewPageAsync();
        await login.GotoAsync(baseUrl + "/account/login");
        await login.FillAsync("#userName", user);
        await login.FillAsync("#password", "Bench12345");
        await login.ClickAsync("button[type=submit]");
        await login.WaitForSelectorAsync("[data-interactive=true]");
        await login.CloseAsync();
        return new BenchBrowser(playwright, browser, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
