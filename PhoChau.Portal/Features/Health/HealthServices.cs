using Microsoft.EntityFrameworkCore;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Features.Health;

public static class HealthServices
{
    /// <summary>Readiness: the database migrated and answering, writes taken, and (several nodes) the relay hearing the others.</summary>
    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddSingleton<WriteProbeHealthCheck>();
        services.AddHealthChecks()
            .AddDbContextCheck<PhoChauDbContext>("database", tags: [HealthEndpoints.Ready], customTestQuery: async (db, ct) =>
            {
                await using var cmd = db.Database.GetDbConnection().CreateCommand();
                await db.Database.OpenConnectionAsync(ct);
                cmd.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\";";
                return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) > 0;
            })
            .AddCheck<WriteProbeHealthCheck>("writes", tags: [HealthEndpoints.Ready])
            .AddCheck<HallRelayHealthCheck>("relay", tags: [HealthEndpoints.Ready]);
        return services;
    }
}
