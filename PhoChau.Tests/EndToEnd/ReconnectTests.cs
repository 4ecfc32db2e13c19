using PhoChau.Core.Departments;

namespace PhoChau.Tests.EndToEnd;

public sealed class ReconnectTests
{
    [Fact]
    public async Task After_the_portal_restarts_an_open_page_comes_back_by_itself_with_the_current_data()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync();
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "admin", PortalFactory.AdminPassword);
        // A live screen (its circuit connected) is what must survive the restart.
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/departments");
        await page.WaitForSelectorAsync("[data-testid=departments] [data-testid=unit-name]");

        // Someone adds a department elsewhere (this page does not follow department changes live), then the
        // hall laptop restarts.
        await portal.Services.GetRequiredService<DepartmentService>()
            .AddAsync(CoreTestHost.Admin, "Bộ phận Một cửa", UnitKind.Department);
        Assert.Equal(0, await page.Locator("[data-testid=departments] >> text=Bộ phận Một cửa").CountAsync());
        await portal.RestartAsync();

        // No reload by the test: the page reconnects, finds its circuit gone, reloads itself (the sign-in
        // cookie survives the restart) and renders the current list.
        await page.WaitForSelectorAsync("[data-testid=departments] >> text=Bộ phận Một cửa", new() { Timeout = 60_000 });
        Assert.Contains("/departments", page.Url);
    }
}
