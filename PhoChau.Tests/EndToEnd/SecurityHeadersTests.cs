using Microsoft.Playwright;

namespace PhoChau.Tests.EndToEnd;

/// <summary>The content policy holds the portal to its own scripts and fonts, and the pages still work under it.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Every_screen_works_under_the_content_policy_without_a_single_violation()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy") || m.Text.Contains("Refused to")) violations.Add(m.Text); };

        await Browser.SignInAsync(page, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        foreach (var path in new[] { "/", "/petitions", "/dialogues/1", "/sessions/1/hall", "/sessions/1/chair", "/sessions/1/display", "/reports", "/calendar" })
            await Browser.GotoInteractiveAsync(page, portal.BaseUrl + path);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task A_page_of_another_site_cannot_frame_the_portal_while_the_portal_itself_can()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync();
        var page = await browser.NewPageAsync();
        await page.RouteAsync("http://other-site.test/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html", Body = $"<html><body><iframe id='f' src='{portal.BaseUrl}/account/login'></iframe></body></html>",
        }));

        var foreign = SubframeNavigatedAsync(page);
        await page.GotoAsync("http://other-site.test/");
        var blocked = await foreign;
        Assert.StartsWith("chrome-error://", blocked.Url);
        Assert.DoesNotContain("userName", await blocked.ContentAsync());

        // The same frame inside the portal's own page loads: the policy refuses other sites only.
        await page.GotoAsync(portal.BaseUrl + "/account/login");
        var own = SubframeNavigatedAsync(page);
        await page.EvaluateAsync("url => { const f = document.createElement('iframe'); f.src = url; document.body.appendChild(f); }", portal.BaseUrl + "/account/login");
        var allowed = await own;
        await allowed.WaitForSelectorAsync("#userName");
    }

    private static Task<IFrame> SubframeNavigatedAsync(IPage page)
    {
        var done = new TaskCompletionSource<IFrame>();
        page.FrameNavigated += (_, f) => { if (f != page.MainFrame) done.TrySetResult(f); };
        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
