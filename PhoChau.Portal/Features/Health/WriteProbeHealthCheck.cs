using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoChau.Core.Monitoring;

namespace PhoChau.Portal.Features.Health;

/// <summary>
/// Readiness that tells the truth: the data folder has room and takes a file, and the database takes a write
/// (one row of its own table, committed). Cached a few seconds, so a load balancer polling every second costs one probe.
/// </summary>
public sealed class WriteProbeHealthCheck(IDbContextFactory<PhoChauDbContext> dbFactory, DataFolder data, TimeProvider clock) : IHealthCheck
{
    public const long MinimumFreeBytes = 50L * 1024 * 1024;
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < CacheFor) return last.Result;
            var result = await ProbeAsync(ct);
            _last = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        try
        {
            var free = new DriveInfo(data.Root).AvailableFreeSpace;
            if (free < MinimumFreeBytes)
                return HealthCheckResult.Unhealthy($"Ổ đĩa chứa dữ liệu gần đầy (còn {free / 1048576} MB) / the data disk is almost full ({free / 1048576} MB free): {data.Root}");
            var probe = Path.Combine(data.Root, ".health-probe");
            await File.WriteAllTextAsync(probe, clock.GetUtcNow().ToString("O"), ct);
            File.Delete(probe);

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // One row of a table the migrations make (never an object of its own: a backup holds exactly the schema
            // its restore expects), updated and committed; the first probe of a new database inserts it.
            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.HealthProbes.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.AtUtc, now), ct) == 0)
            {
                db.HealthProbes.Add(new HealthProbe { Id = 1, AtUtc = now });
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException)
                {
                    // Another node's first probe inserted it meanwhile: update it as every later probe does.
                    await db.HealthProbes.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.AtUtc, now), ct);
                }
            }
            return HealthCheckResult.Healthy("Ghi được cơ sở dữ liệu và thư mục dữ liệu / the database and the data folder take writes");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var kind = Failures.Classify(ex);
            return HealthCheckResult.Unhealthy($"Không ghi được dữ liệu ({kind}): {ex.Message} / writes fail ({kind})", ex);
        }
    }
}
