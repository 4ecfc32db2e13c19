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
}
