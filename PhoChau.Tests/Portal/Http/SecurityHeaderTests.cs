using PhoChau.Portal.Hosting;

namespace PhoChau.Tests.Portal.Http;

public sealed class SecurityHeaderTests
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/css/app.css")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Every_response_forbids_sniffing_foreign_framing_and_referrers(string path)
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.DoesNotContain("http", csp); // no CDN, no other host
    }
}
