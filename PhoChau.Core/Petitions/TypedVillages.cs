using PhoChau.Core.Departments;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Villages typed in the hall that are not in the commune's list (issue 33.6), as the petitions name them, and their
/// adoption into the list. Petitions' own (the village list does not know petitions: issue 34.3).
/// </summary>
public sealed class TypedVillages(IDbContextFactory<PhoChauDbContext> dbFactory, VillageService villages)
{
    /// <summary>Each village typed, with how many petitions name it.</summary>
    public async Task<IReadOnlyList<(string Name, int Petitions)>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Petitions.AsNoTracking().Where(p => p.VillageTyped != null)
            .GroupBy(p => p.VillageTyped!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key).Select(r => (r.Key, r.Count)).ToList();
    }

    /// <summary>
    /// Adds a typed village to the list (or finds it there, by its folded name) and gives it to every petition that
    /// names it; returns how many petitions it now counts.
    /// </summary>
    public async Task<int> AdoptAsync(Actor actor, string typed, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            id = VillageNames.FindId(await VillageNames.ActiveAsync(db, ct), typed) ?? 0;
        if (id == 0) id = (await villages.AddAsync(actor, typed, ct)).Id;
        await using var write = await dbFactory.CreateDbContextAsync(ct);
        var petitions = await write.Petitions.Where(p => p.VillageTyped == typed).ToListAsync(ct);
        foreach (var p in petitions)
        {
            p.VillageId = id;
            p.VillageTyped = null;
        }
        await write.SaveChangesAsync(actor, ct);
        return petitions.Count;
    }
}
