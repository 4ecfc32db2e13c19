namespace PhoChau.Core.Departments;

/// <summary>Departments and participating bodies: anyone signed in reads them, only an administrator changes them.</summary>
public sealed class DepartmentService(IDbContextFactory<PhoChauDbContext> dbFactory, UnitNameValidator validator)
    : NamedUnitService<Department>(dbFactory, validator)
{
    protected override DbSet<Department> Set(PhoChauDbContext db) => db.Departments;
    protected override string NotFoundMessage => CoreText.Get("Units.DepartmentNotFound");
    protected override string DuplicateMessage(string name) => CoreText.Format("Units.DepartmentExists", name);

    public async Task<IReadOnlyList<Department>> ListAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking()
            .Where(d => includeInactive || d.IsActive)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(ct);
    }

    public Task<Department> AddAsync(Actor actor, string? name, UnitKind kind, CancellationToken ct = default) =>
        AddAsync(actor, name, clean => new Department { Name = clean, Kind = kind }, ct);
}
