namespace PhoChau.Tests.EndToEnd;

public sealed class SignOutTests
{
    [Fact]
    public async Task Signing_out_in_the_browser_returns_to_the_sign_in_page_and_the_portal_asks_to_sign_in_again()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync();
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "admin", PortalFactory.AdminPassword);

        await page.ClickAsync("form[action='/account/logout'] button[type=submit]");

        await page.WaitForSelectorAsync("#userName");
        Assert.Contains("/account/login", page.Url);
        await page.GotoAsync(portal.BaseUrl + "/admin/users");
        await page.WaitForSelectorAsync("#userName");
    }
}
