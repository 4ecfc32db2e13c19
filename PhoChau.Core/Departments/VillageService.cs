namespace PhoChau.Core.Departments;

/// <summary>The villages (thôn) of the commune; only an administrator changes the list.</summary>
public sealed class VillageService(IDbContextFactory<PhoChauDbContext> dbFactory, UnitNameValidator validator)
    : NamedUnitService<Village>(dbFactory, validator)
{
    protected override DbSet<Village> Set(PhoChauDbContext db) => db.Villages;
    protected override string NotFoundMessage => CoreText.Get("Units.VillageNotFound");
    protected override string DuplicateMessage(string name) => CoreText.Format("Units.VillageExists", name);

    public async Task<IReadOnlyList<Village>> ListAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Villages.AsNoTracking()
            .Where(v => includeInactive || v.IsActive)
            .OrderBy(v => v.SortOrder).ThenBy(v => v.Id)
            .ToListAsync(ct);
    }

    public Task<Village> AddAsync(Actor actor, string? name, CancellationToken ct = default) =>
        AddAsync(actor, name, clean => new Village { Name = clean }, ct);

    /// <summary>Villages typed in the hall that are not in the list, with how many petitions name each (issue 33.6).</summary>
    public async Task<IReadOnlyList<(string Name, int Petitions)>> TypedAsync(CancellationToken ct = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = await db.Petitions.AsNoTracking().Where(p => p.VillageTyped != null)
            .GroupBy(p => p.VillageTyped!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key).Select(r => (r.Key, r.Count)).ToList();
    }

    /// <summary>
    /// Adds a typed village to the list (or finds it there, by its folded name) and gives it to every petition that
    /// names it; returns how many petitions it now counts.
    /// </summary>
    public async Task<int> AdoptTypedAsync(Actor actor, string typed, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        int id;
        await using (var db = await DbFactory.CreateDbContextAsync(ct))
            id = VillageNames.FindId(await VillageNames.ActiveAsync(db, ct), typed) ?? 0;
        if (id == 0) id = (await AddAsync(actor, typed, ct)).Id;
        await using var write = await DbFactory.CreateDbContextAsync(ct);
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
