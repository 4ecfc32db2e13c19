using System.Diagnostics;
using Microsoft.Playwright;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// A link that stalls without closing (a Wi-Fi blip): the projected chair console and the hall display say
/// within 5 s, in Vietnamese, that they lost the connection and mark their timer stale; when the link comes
/// back they reconnect by themselves and show what changed meanwhile.
/// </summary>
public sealed class StalledLinkTests
{
    [Fact]
    public async Task The_chair_console_and_the_display_say_they_are_stale_within_5_seconds_and_recover_by_themselves()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var secretary = new Actor("s", "thuky", new HashSet<string> { Roles.Secretary });
        await portal.Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(secretary, 1, "Diễn tập");
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        await queue.CallNextAsync(secretary, 1, null);
        await using var proxy = new StallingProxy(new Uri(portal.BaseUrl));

        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var chair = await context.NewPageAsync();
        await Browser.SignInAsync(chair, proxy.BaseUrl, "chutich", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(chair, proxy.BaseUrl + "/sessions/1/chair");
        var display = await context.NewPageAsync();
        await Browser.GotoInteractiveAsync(display, proxy.BaseUrl + "/sessions/1/display");
        foreach (var page in new[] { chair, display })
            Assert.False(await page.IsVisibleAsync("[data-testid=reconnect-lost]"));

        proxy.Freeze();
        var sw = Stopwatch.StartNew();
        foreach (var page in new[] { chair, display })
            await page.WaitForSelectorAsync("[data-testid=reconnect-lost]", new() { State = WaitForSelectorState.Visible, Timeout = 7000 });
        var noticed = sw.Elapsed;

        Assert.True(noticed <= TimeSpan.FromSeconds(5.2), $"noticed after {noticed.TotalSeconds:F1} s");
        foreach (var page in new[] { chair, display })
        {
            var banner = await page.TextContentAsync("#components-reconnect-modal");
            Assert.Contains("Mất kết nối — đang kết nối lại", banner);
            Assert.DoesNotContain("Rejoin", banner);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.classList.contains('phochau-offline')"), "timers are marked stale");
        }

        // While the link is down the session goes on; after it returns both screens show the new speaker.
        var next = (await queue.GetStateAsync(1)).Waiting[0];
        await queue.CallNextAsync(secretary, 1, null);
        proxy.Thaw();
        foreach (var page in new[] { chair, display })
        {
            await page.WaitForSelectorAsync("[data-testid=reconnect-lost]", new() { State = WaitForSelectorState.Hidden, Timeout = 30000 });
            await page.WaitForFunctionAsync("name => document.body.innerText.includes(name)", next.Name, new() { Timeout = 30000 });
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.classList.contains('phochau-offline')"));
        }
    }
}
