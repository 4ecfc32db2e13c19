using PhoChau.Core.Text;

namespace PhoChau.Core.Departments;

/// <summary>The rules departments and villages share: administrators only, a clean unique name, deactivate instead of delete.</summary>
public abstract class NamedUnitService<T>(IDbContextFactory<PhoChauDbContext> dbFactory, UnitNameValidator validator) where T : class, INamedUnit
{
    protected IDbContextFactory<PhoChauDbContext> DbFactory => dbFactory;

    protected abstract DbSet<T> Set(PhoChauDbContext db);

    protected abstract string NotFoundMessage { get; }

    protected abstract string DuplicateMessage(string name);

    public async Task RenameAsync(Actor actor, int id, string? name, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(new UnitName(name), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await Set(db).FindAsync([id], ct) ?? throw new NotFoundException(NotFoundMessage);
        var clean = VietnameseText.CleanName(name!);
        await EnsureUniqueAsync(db, clean, id, ct);
        unit.Name = clean;
        await db.SaveChangesAsync(actor, ct);
    }

    public async Task SetActiveAsync(Actor actor, int id, bool active, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await Set(db).FindAsync([id], ct) ?? throw new NotFoundException(NotFoundMessage);
        unit.IsActive = active;
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>Adds a unit at the end of its list; <paramref name="create"/> builds it from the clean name.</summary>
    protected async Task<T> AddAsync(Actor actor, string? name, Func<string, T> create, CancellationToken ct)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(new UnitName(name), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clean = VietnameseText.CleanName(name!);
        await EnsureUniqueAsync(db, clean, null, ct);
        var unit = create(clean);
        unit.SortOrder = (await Set(db).MaxAsync(u => (int?)u.SortOrder, ct) ?? 0) + 1;
        Set(db).Add(unit);
        await db.SaveChangesAsync(actor, ct);
        return unit;
    }

    /// <summary>Names that differ only by case, spacing or diacritics are the same unit to a reader: refuse them too.</summary>
    private async Task EnsureUniqueAsync(PhoChauDbContext db, string name, int? exceptId, CancellationToken ct)
    {
        var key = VietnameseText.Fold(name);
        var names = await Set(db).Where(u => u.Id != exceptId).Select(u => u.Name).ToListAsync(ct);
        if (names.Any(n => VietnameseText.Fold(n) == key)) throw new DomainException(DuplicateMessage(name));
    }
}
