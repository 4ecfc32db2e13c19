using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace PhoChau.Tests.Support;

/// <summary>The standard SignalR client, signed in with the portal's cookie like a TV box would be.</summary>
public static partial class HubClient
{
    public static async Task<HubConnection> ConnectAsync(string baseUrl, string userName, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetStringAsync("/account/login");
        var token = Token().Match(page).Groups[1].Value;
        var response = await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/",
        }));
        if (response.Headers.Location?.ToString().Contains("error") != false) throw new InvalidOperationException("sign-in failed for " + userName);
        var connection = new HubConnectionBuilder()
            .WithUrl(baseUrl + "/hubs/hall", o => o.Cookies = cookies)
            .WithAutomaticReconnect()
            .WithKeepAliveInterval(TimeSpan.FromSeconds(2)) // the portal drops a client silent for 10 s
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
