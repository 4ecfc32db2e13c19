using System.Net;

namespace PhoChau.Tests.Portal.Http;

public sealed class HealthAndSignInTests
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_is_reachable()
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_is_gone()
    {
        // No pooling, so the check opens the file anew and finds it empty.
        await using var factory = new PortalFactory { ExtraConnectionOptions = ";Pooling=False" };
        var client = factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!, "portal.db*")) File.Delete(f);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/departments")]
    [InlineData("/admin/users")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_page_and_the_offline_assets_need_no_account()
    {
        await using var factory = new PortalFactory();
        var client = factory.NewClient();
        var login = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Đăng nhập", WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()));
        foreach (var asset in new[] { "/_content/MudBlazor/MudBlazor.min.css", "/fonts/roboto.css", "/fonts/roboto/roboto-vietnamese-400-normal.woff2" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
    }

    [Fact]
    public async Task Admin_signs_in_with_the_seeded_password_and_sees_the_dashboard()
    {
        await using var factory = new PortalFactory();
        var client = await factory.SignInAsync("admin", PortalFactory.AdminPassword);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Tổng quan", WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_wrong_password_goes_back_to_sign_in_with_an_error_and_five_failures_lock_the_account()
    {
        await using var factory = new PortalFactory();
        var client = factory.NewClient();
        for (var i = 0; i < IdentityRules.MaxFailedAttempts; i++)
        {
            var (location, _) = await PortalFactory.PostSignInAsync(client, "admin", "wrong-password1");
            Assert.Contains(i < IdentityRules.MaxFailedAttempts - 1 ? "error=invalid" : "error=locked", location);
        }
        // Even the right password is refused while locked out.
        var (after, _) = await PortalFactory.PostSignInAsync(client, "admin", PortalFactory.AdminPassword);
        Assert.Contains("error=locked", after);
    }

    [Fact]
    public async Task Signing_in_without_the_antiforgery_token_is_refused()
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin", ["password"] = PortalFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task Sign_in_never_redirects_off_the_portal(string returnUrl)
    {
        Assert.Equal("/", PhoChau.Portal.Features.Account.AccountEndpoints.SafeReturnUrl(returnUrl));
        await Task.CompletedTask;
    }
}
