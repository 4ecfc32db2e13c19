using FluentValidation;

namespace PhoChau.Core.Commune;

public sealed class CommuneProfileService(IDbContextFactory<PhoChauDbContext> dbFactory, CommuneProfileValidator validator)
{
    public async Task<CommuneProfile> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> for each commune of the database in turn, each inside its own scope (its records
    /// only, never another's): what a background job does for all; returns the sum of what each run returns.
    /// </summary>
    public static async Task<int> EachCommuneAsync(IDbContextFactory<PhoChauDbContext> dbFactory, Func<int, Task<int>> work, CancellationToken ct)
    {
        List<int> communes;
        using (CommuneScope.Enter(CommuneScope.None))
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            communes = await db.CommuneProfiles.IgnoreQueryFilters().Select(c => c.Id).OrderBy(c => c).ToListAsync(ct);
        var total = 0;
        foreach (var commune in communes)
            using (CommuneScope.Enter(commune))
                total += await work(commune);
        return total;
    }

    /// <summary>The context's commune's profile, or the plan's defaults while none is saved (what every document prints).</summary>
    public static async Task<CommuneProfile> ReadAsync(PhoChauDbContext db, CancellationToken ct) =>
        await db.CommuneProfiles.AsNoTracking().SingleOrDefaultAsync(ct) ?? new CommuneProfile();

    /// <summary>The commune a session belongs to, whoever asks: a citizen's phone form has no account to say it.</summary>
    public async Task<int?> CommuneOfDialogueAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Dialogues.IgnoreQueryFilters().Where(d => d.Id == dialogueId).Select(d => (int?)d.CommuneId).SingleOrDefaultAsync(ct);
    }

    /// <summary>The commune a province gave this code (printed in receipts' QR codes), or none.</summary>
    public async Task<int?> CommuneByCodeAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CommuneProfiles.IgnoreQueryFilters().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>A province's server: more than one commune.</summary>
    public async Task<bool> HasSeveralAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var several = await db.CommuneProfiles.IgnoreQueryFilters().CountAsync(ct) > 1;
        if (several) CommuneScope.MarkSeveral(db.DatabaseKey);
        return several;
    }

    public async Task SaveAsync(Actor actor, CommuneProfile edited, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(edited, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CommuneProfiles.SingleOrDefaultAsync(ct);
        if (row is null) db.CommuneProfiles.Add(row = new CommuneProfile());
        row.CommuneName = edited.CommuneName.Trim();
        row.CommitteeName = edited.CommitteeName.Trim();
        row.PlaceName = edited.PlaceName.Trim();
        row.SuperiorBody = edited.SuperiorBody.Trim();
        row.ChairmanName = edited.ChairmanName.Trim();
        row.ViceChairmenNames = edited.ViceChairmenNames.Trim();
        row.HallName = edited.HallName.Trim();
        await db.SaveChangesAsync(actor, ct);
    }
}
