using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using PhoChau.Core.Backups;
using PhoChau.Portal.Hubs;

namespace PhoChau.Tests.Portal.Monitoring;

/// <summary>
/// Issue 21: /metrics on a running portal (Kestrel on loopback): the portal's own instruments with values after a
/// queue action, a lookup and a backup; refused to an address not allowed and to a wrong token; off by default;
/// the Grafana dashboard of the release names only metrics a scrape finds.
/// </summary>
public sealed partial class MetricsEndpointTests
{
    private const string Token = "giam-sat-tinh-2026";

    private static Task<RunningPortal> StartAsync() => DemoSession.StartAsync(new Dictionary<string, string>
    {
        ["Metrics:Enabled"] = "true",
        ["Metrics:AllowedAddresses"] = "127.0.0.1",
        ["Metrics:Token"] = Token,
    });

    /// <summary>A client whose connections leave from <paramref name="source"/> (any 127.x address reaches loopback on Linux).</summary>
    private static HttpClient ClientFrom(string baseUrl, string source) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = new Uri(baseUrl) };

    [Fact]
    public async Task A_scrape_finds_the_portals_instruments_with_values_after_a_queue_action_a_lookup_and_a_backup()
    {
        await using var portal = await StartAsync();
        await using var secretary = await ActAsync(portal);

        using var local = ClientFrom(portal.BaseUrl, "127.0.0.1");
        // Until this test's own lookup and action are in (the scrape is cached a moment, and other tests' portals in this
        // process may have put the same instruments there first).
        // The exporter caches a scrape a moment: wait for every value asserted below, not only the first two (the
        // database readers' count once came a scrape later in a full CI run).
        var text = await ScrapeUntilAsync(local, t => Value(t, "phochau_public_lookups_total", "outcome=\"not_found\"") >= 1
                                                      && Value(t, "phochau_queue_actions_total", "action=\"Register\"", "outcome=\"saved\"") >= 1
                                                      && Value(t, "phochau_db_command_duration_seconds_count", "kind=\"reader\"") >= 1
                                                      && Value(t, "phochau_hub_connections") >= 1);

        Assert.True(Value(text, "phochau_queue_actions_total", "action=\"Register\"", "outcome=\"saved\"") >= 1, text);
        Assert.True(Value(text, "phochau_queue_action_duration_seconds_count", "action=\"Register\"") >= 1);
        Assert.True(Value(text, "phochau_public_lookups_total", "outcome=\"not_found\"") >= 1);
        Assert.True(Value(text, "phochau_hub_connections") >= 1);
        Assert.True(Value(text, "phochau_db_command_duration_seconds_count", "kind=\"reader\"") >= 1);
        Assert.InRange(Value(text, "phochau_backup_age_seconds"), 0, 600);
        // ASP.NET Core's and the runtime's own instruments are there too.
        Assert.True(Value(text, "http_server_request_duration_seconds_count") >= 1);
        Assert.Contains("dotnet_gc_collections_total", text);
    }

    [Fact]
    public async Task Metrics_are_refused_to_an_address_not_allowed_and_to_a_wrong_token_and_given_to_the_token()
    {
        await using var portal = await StartAsync();
        using var stranger = ClientFrom(portal.BaseUrl, "127.0.0.2");

        var refused = await stranger.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("phochau_", await refused.Content.ReadAsStringAsync());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer doan-mo" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer " + Token } } };
        var given = await stranger.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Contains("target_info", await given.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_the_key_there_is_no_metrics_endpoint()
    {
        await using var portal = await RunningPortal.StartAsync();
        using var local = ClientFrom(portal.BaseUrl, "127.0.0.1");
        var response = await local.GetAsync("/metrics");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("phochau_", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_grafana_dashboard_parses_and_names_only_metrics_a_scrape_finds()
    {
        var path = Path.Combine(PortalProcess.RepositoryRoot(), "release", "province", "grafana-phochau.json");
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.TryGetProperty("targets", out var t) ? t.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(t => t.GetProperty("expr").GetString()!).ToList();
        Assert.True(expressions.Count >= 8, "the dashboard has a panel for each concern");
        var named = expressions.SelectMany(e => MetricName().Matches(StripLabels(e)).Select(m => m.Value))
            .Where(n => !PromQl.Contains(n)).ToHashSet();
        Assert.Contains("phochau_queue_actions_total", named);

        await using var portal = await StartAsync();
        await using var secretary = await ActAsync(portal);
        // The relay lag is recorded only where another node sends (PostgreSQL); on this one node, one arrival as the relay records it.
        portal.Services.GetRequiredService<PhoChau.Core.Monitoring.PortalMetrics>().RelayLag(TimeSpan.FromMilliseconds(3));
        using var local = ClientFrom(portal.BaseUrl, "127.0.0.1");
        var text = await ScrapeUntilAsync(local, t => t.Contains("phochau_public_lookups_total") && t.Contains("phochau_backup_age_seconds") && t.Contains("phochau_hall_relay_lag"));
        var exported = text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => MetricName().Match(l).Value).ToHashSet();

        var missing = named.Where(n => !exported.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "the dashboard names metrics the portal does not export: " + string.Join(", ", missing));
    }

    /// <summary>
    /// What a day on the portal records: a registration over the hub (the secretary's connection stays open and is
    /// returned), a citizen's lookup with a code that does not exist, and a backup.
    /// </summary>
    private static async Task<HubConnection> ActAsync(RunningPortal portal)
    {
        var secretary = await HubClient.ConnectAsync(portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await secretary.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        await secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Lê Văn Đo", "Thôn Tân Hy", "Đất đai");
        using (var phone = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(portal.BaseUrl) })
            await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", "KN-2026-999"), ("Find.Pin", "123456"));
        portal.Services.GetRequiredService<BackupKey>().SetPassphrase("mat-khau-sao-luu-2026", DateTime.UtcNow);
        await portal.Services.GetRequiredService<BackupService>().CreateAsync(BackupReason.Manual);
        return secretary;
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> ready)
    {
        var text = "";
        for (var i = 0; i < 40; i++)
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (ready(text)) return text;
            await Task.Delay(250); // the exporter caches a scrape briefly
        }
        return text;
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every one given.</summary>
    private static double Value(string scrape, string name, params string[] labels) =>
        scrape.Split('\n')
            .Where(l => (l.StartsWith(name + "{") || l.StartsWith(name + " ")) && labels.All(l.Contains))
            .Select(l => double.Parse(l[(l.LastIndexOf('}') is var b and > 0 ? b + 1 : name.Length)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(double.NaN).Sum();

    private static string StripLabels(string expr) => Regex.Replace(Regex.Replace(expr, "\\{[^}]*\\}", " "), "\\[[^\\]]*\\]", " ");

    private static readonly HashSet<string> PromQl =
    [
        "sum", "rate", "irate", "increase", "by", "without", "histogram_quantile", "max", "min", "avg", "time", "count", "le",
        "instance", "job", "action", "outcome", "kind", "or", "and", "on", "clamp_min", "topk", "offset", "vector", "job", "state",
    ];

    [GeneratedRegex("[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();
}
