using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace PhoChau.Tests.Support;

/// <summary>A running portal's real sign-in form, as a browser, a TV box or another tool meets it.</summary>
public static class PortalSignIn
{
    /// <summary>Signs in (antiforgery token included); the cookies then open pages and the hub.</summary>
    public static async Task<CookieContainer> CookiesAsync(string baseUrl, string userName, string password)
    {
        var cookies = new CookieContainer();
        using var http = Client(baseUrl, cookies);
        var (location, status) = await PortalFactory.PostSignInAsync(http, userName, password);
        if (status != HttpStatusCode.Redirect || location != "/")
            throw new InvalidOperationException($"sign-in failed for {userName}: {(int)status} to {location}");
        return cookies;
    }

    /// <summary>A client that sends the cookies and shows redirects as they are.</summary>
    public static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
}

/// <summary>The standard SignalR client, signed in with the portal's cookie like a TV box would be.</summary>
public static class HubClient
{
    public static async Task<HubConnection> ConnectAsync(string baseUrl, string userName, string password)
    {
        var connection = Build(baseUrl, await PortalSignIn.CookiesAsync(baseUrl, userName, password));
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A connection with cookies already signed in (a cookie from one portal node opens the others).</summary>
    public static HubConnection Build(string baseUrl, CookieContainer cookies) =>
        new HubConnectionBuilder()
            .WithUrl(baseUrl + "/hubs/hall", o => o.Cookies = cookies)
            .WithAutomaticReconnect()
            .WithKeepAliveInterval(TimeSpan.FromSeconds(2)) // as the portal's own screens ping
            .Build();
}
