using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PhoChau.Core.Backups;
using PhoChau.Core.Monitoring;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace PhoChau.Portal.Features.Monitoring;

/// <summary>
/// Metrics a province watches (README: "Metrics and logs"): off by default, on with Metrics:Enabled. ASP.NET Core's
/// and the runtime's own instruments plus the portal's (<see cref="PortalMetrics"/>), served on /metrics in
/// Prometheus' text format to the addresses in Metrics:AllowedAddresses (default: this machine only) or to a scraper
/// that sends Metrics:Token as a bearer token; anyone else gets 403.
/// </summary>
public static class MetricsServices
{
    public const string Path = "/metrics";

    /// <summary>The meters exported: the portal's, then what ASP.NET Core and .NET record themselves.</summary>
    public static readonly string[] Meters =
    [
        PortalMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Authentication",
        "System.Runtime", "System.Net.Http", "Microsoft.EntityFrameworkCore",
    ];

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", false);

    public static IServiceCollection AddPortalMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        // Counted whether or not they are exported: the gauges go up and down with each open screen.
        services.AddScoped<CircuitHandler, CircuitMetricsHandler>();
        if (!Enabled(configuration)) return services;
        services.AddSingleton(MetricsAccess.From(configuration));
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("phochau-portal", serviceVersion: BackupService.PortalVersion, serviceInstanceId: Environment.MachineName))
            .WithMetrics(m => m.AddMeter(Meters).AddPrometheusExporter());
        return services;
    }

    public static void MapMetricsEndpoint(this WebApplication app)
    {
        if (!Enabled(app.Configuration)) return;
        var backups = app.Services.GetRequiredService<BackupService>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.Services.GetRequiredService<PortalMetrics>().ObserveBackupsWith(() =>
            backups.LastBackupUtc() is { } last ? (clock.GetUtcNow().UtcDateTime - last).TotalSeconds : null);
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (access.Allows(http))
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("Địa chỉ này không được xem số liệu giám sát (Metrics:AllowedAddresses, Metrics:Token). / Not allowed to read the metrics.");
        }), optionsName: null).AllowAnonymous();
    }
}

/// <summary>Who may read /metrics: an allowed address or network, or the configured bearer token.</summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> networks, string? token)
{
    public static MetricsAccess From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Metrics:AllowedAddresses");
        var listed = section.GetChildren().Select(c => c.Value).Concat((section.Value ?? "").Split(',', ';', ' '))
            .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (listed.Count == 0) listed = ["127.0.0.1/8", "::1/128"];
        var networks = listed.Select(v =>
            IPNetwork.TryParse(v, out var n) ? n
            : IPAddress.TryParse(v, out var a) ? new IPNetwork(a, a.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
            : throw new InvalidOperationException($"Metrics:AllowedAddresses: \"{v}\" không phải địa chỉ IP hay dải mạng (ví dụ 10.0.0.5 hoặc 10.0.0.0/24). / Not an IP address or network.")).ToList();
        var token = configuration["Metrics:Token"];
        return new MetricsAccess(networks, string.IsNullOrWhiteSpace(token) ? null : token.Trim());
    }

    public bool Allows(HttpContext http)
    {
        if (token is not null && http.Request.Headers.Authorization.ToString() is { Length: > 7 } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(token)))
            return true;
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return networks.Any(n => n.Contains(remote));
    }
}

/// <summary>Open circuits (interactive pages) on this node, for phochau.circuits.</summary>
public sealed class CircuitMetricsHandler(PortalMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
