namespace PhoChau.Core.Auditing;

/// <summary>Reads the audit trail (written by the DbContext on every save); Chairman and Administrator only.</summary>
public sealed class AuditService(IDbContextFactory<PhoChauDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> FindAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        actor.Demand(Permission.ReadAuditTrail);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType)) q = q.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) q = q.Where(a => a.EntityId == query.EntityId);
        if (!string.IsNullOrWhiteSpace(query.UserName)) q = q.Where(a => a.UserName.Contains(query.UserName));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.Id).Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        return (rows, total);
    }
}
