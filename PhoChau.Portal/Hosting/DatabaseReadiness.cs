using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoChau.Portal.Features.Health;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// Whether start-up's data work (<see cref="DatabaseStartup"/>) is done. The server listens while it runs, so the first
/// requests warm up what they need meanwhile; until it is done they wait for it here, and /healthz answers 503
/// "starting" at once (a service manager's or a load balancer's probe must not hang).
/// </summary>
public sealed class DatabaseReadiness
{
    private Task _work = Task.CompletedTask;

    public bool IsReady => _work.IsCompletedSuccessfully;

    public void Track(Task work) => _work = work;

    /// <summary>Completes when the data work has; throws what it threw (the host is stopping then).</summary>
    public Task WaitAsync(CancellationToken ct) => _work.WaitAsync(ct);

    /// <summary>
    /// When the data work is over, however it ended: a start that failed elsewhere (the port taken) lets a migration
    /// or the first administrator's account under way finish before the services go, never cut in half.
    /// </summary>
    public async Task SettledAsync()
    {
        try { await _work; }
        catch (Exception) { /* reported by the start itself */ }
    }
}

public static class StartupGate
{
    /// <summary>First in the pipeline: nothing reads the database before it is migrated and seeded.</summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var readiness = app.ApplicationServices.GetRequiredService<DatabaseReadiness>();
        return app.Use(async (http, next) =>
        {
            if (!readiness.IsReady)
            {
                var path = http.Request.Path;
                if (path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
                {
                    await WriteStartingAsync(http);
                    return;
                }
                if (!path.StartsWithSegments("/healthz/live", StringComparison.OrdinalIgnoreCase))
                {
                    try
                    {
                        await readiness.WaitAsync(http.RequestAborted);
                    }
                    catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
                    {
                        // Start-up failed and the portal is stopping; its log says why.
                        await WriteStartingAsync(http);
                        return;
                    }
                }
            }
            await next(http);
        });
    }

    /// <summary>The readiness answer's own form (HealthEndpoints), with one check: start-up.</summary>
    private static Task WriteStartingAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        var starting = new HealthReportEntry(HealthStatus.Unhealthy,
            "Đang khởi động: chuẩn bị cơ sở dữ liệu / starting: preparing the database", TimeSpan.Zero, null, null);
        return HealthEndpoints.WriteAsync(http, new HealthReport(new Dictionary<string, HealthReportEntry> { ["startup"] = starting }, TimeSpan.Zero));
    }
}
