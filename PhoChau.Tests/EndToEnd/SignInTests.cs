namespace PhoChau.Tests.EndToEnd;

public sealed class SignInTests
{
    [Fact]
    public async Task Admin_signs_in_in_a_real_browser_and_sees_the_dashboard_and_departments()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync();
        var page = await browser.NewPageAsync();

        await Browser.SignInAsync(page, portal.BaseUrl, "admin", PortalFactory.AdminPassword);
        Assert.Equal("Tổng quan", (await page.TextContentAsync("[data-testid=dashboard-title]"))?.Trim());
        Assert.NotNull(await page.QuerySelectorAsync("[data-testid=open-petitions]"));

        await page.ClickAsync("a[href='/departments']");
        await page.WaitForSelectorAsync("[data-testid=departments] [data-testid=unit-name]");
        var names = await page.Locator("[data-testid=departments] [data-testid=unit-name]").AllTextContentsAsync();
        Assert.Contains("Tư pháp - Hộ tịch", names);
        Assert.Equal(7, names.Count);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Vietnamese_error_in_the_browser()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.BaseUrl + "/account/login");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", "sai-mat-khau1");
        await page.ClickAsync("button[type=submit]");
        var error = await page.WaitForSelectorAsync("[data-testid=login-error]");
        Assert.Contains("không đúng", await error!.TextContentAsync());
    }

    [Fact]
    public async Task A_viewer_is_refused_the_user_administration_page_in_the_browser()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "xem", PortalFactory.UserPassword);
        Assert.Equal(0, await page.Locator("a[href='/admin/users']").CountAsync());
        await page.GotoAsync(portal.BaseUrl + "/admin/users");
        await page.WaitForSelectorAsync("[data-testid=access-denied]");
        Assert.DoesNotContain("/admin/users", page.Url);
    }
}
