using System.Net;

namespace PhoChau.Tests.Portal.Http;

public sealed class RoleCheckTests
{
    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/villages")]
    [InlineData("/admin/profile")]
    [InlineData("/audit")]
    public async Task A_viewer_cannot_reach_administration_pages(string path)
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("xem", Roles.Viewer);
        var client = await factory.SignInAsync("xem", PortalFactory.UserPassword);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_viewer_sees_the_departments_list_read_only()
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("xem", Roles.Viewer);
        var client = await factory.SignInAsync("xem", PortalFactory.UserPassword);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/departments"));
        Assert.Contains("Tư pháp - Hộ tịch", html);
        Assert.DoesNotContain("data-testid=\"add-unit\"", html);
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/villages")]
    [InlineData("/admin/profile")]
    [InlineData("/audit")]
    public async Task The_administrator_reaches_administration_pages(string path)
    {
        await using var factory = new PortalFactory();
        var client = await factory.SignInAsync("admin", PortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_chairman_reads_the_audit_trail_but_not_user_management()
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("chutich", Roles.Chairman);
        var client = await factory.SignInAsync("chutich", PortalFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_opens_the_hall_display_but_not_the_chair_or_secretary_consoles()
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("xem", Roles.Viewer);
        var dialogue = await factory.Services.GetRequiredService<PhoChau.Core.Dialogues.DialogueService>().CreateAsync(
            new Actor("s", "thuky", new HashSet<string> { Roles.Secretary }),
            new PhoChau.Core.Dialogues.DialogueInput { Title = "Đối thoại", Year = 2026, Quarter = 2, Venue = "Hội trường" });
        var client = await factory.SignInAsync("xem", PortalFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/sessions/{dialogue.Id}/display")).StatusCode);
        // A session that does not exist is the 404 page, for every role.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/4242/display")).StatusCode);
        foreach (var path in new[] { "/sessions/1/chair", "/sessions/1/hall", "/petitions/new", "/petitions/import" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath);
        }
    }
}
