using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhoChau.Portal.Hosting;

/// <summary>Readiness: on PostgreSQL a node is ready only while it hears the other nodes' changes.</summary>
public sealed class HallRelayHealthCheck(PostgresHallRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(relay.IsListening
            ? HealthCheckResult.Healthy("Nhận được thay đổi từ các máy chủ khác / hears the other nodes")
            : HealthCheckResult.Unhealthy("Chưa nhận được thay đổi từ các máy chủ khác (PostgreSQL LISTEN) / not yet hearing the other nodes' changes"));
}
