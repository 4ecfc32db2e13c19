using System.Net;
using System.Net.WebSockets;

namespace PhoChau.Tests.Portal.Security;

public sealed class OriginCheckTests
{
    [Theory]
    [InlineData("/hubs/hall/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task Negotiating_a_live_connection_from_another_origin_is_refused_before_anything_runs(string path)
    {
        await using var portal = await RunningPortal.StartAsync(settings: new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = "https://hall.phochau.gov.vn" });
        var cookies = await SignedInCookiesAsync(portal);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(portal.BaseUrl) };

        foreach (var origin in new[] { "http://127.0.0.1:1", "http://evil.example", "null", portal.BaseUrl.Replace("127.0.0.1", "localhost") })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Add("Origin", origin);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        }
        foreach (var origin in new[] { portal.BaseUrl, "https://hall.phochau.gov.vn" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Add("Origin", origin);
            Assert.NotEqual(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task A_websocket_from_another_origin_is_refused_and_one_without_an_origin_header_is_not()
    {
        await using var portal = await RunningPortal.StartAsync();
        var cookies = await SignedInCookiesAsync(portal);
        var url = new Uri(portal.BaseUrl.Replace("http://", "ws://") + "/hubs/hall");

        using var foreign = new ClientWebSocket();
        foreign.Options.Cookies = cookies;
        foreign.Options.SetRequestHeader("Origin", "http://127.0.0.1:1");
        var ex = await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(url, default));
        Assert.Contains("403", ex.Message);

        using var script = new ClientWebSocket();
        script.Options.Cookies = cookies;
        await script.ConnectAsync(url, default);
        Assert.Equal(WebSocketState.Open, script.State);
    }

    private static async Task<CookieContainer> SignedInCookiesAsync(RunningPortal portal)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(portal.BaseUrl) };
        var (_, status) = await PortalFactory.PostSignInAsync(http, "admin", PortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, status);
        return cookies;
    }
}
