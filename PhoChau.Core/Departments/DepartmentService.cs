using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Persistence;
using PhoChau.Core.Security;
using PhoChau.Core.Text;

namespace PhoChau.Core.Departments;

/// <summary>Departments and participating bodies: anyone signed in reads them, only an administrator changes them.</summary>
public sealed class DepartmentService(IDbContextFactory<PhoChauDbContext> dbFactory, UnitNameValidator validator)
{
    public async Task<IReadOnlyList<Department>> ListAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking()
            .Where(d => includeInactive || d.IsActive)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(ct);
    }

    public async Task<Department> AddAsync(Actor actor, string? name, UnitKind kind, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(new UnitName(name), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clean = VietnameseText.CleanName(name!);
        await EnsureUniqueAsync(db, clean, null, ct);
        var order = await db.Departments.Where(d => d.Kind == kind).MaxAsync(d => (int?)d.SortOrder, ct) ?? 0;
        var dept = new Department { Name = clean, Kind = kind, SortOrder = order + 1 };
        db.Departments.Add(dept);
        await db.SaveChangesAsync(actor, ct);
        return dept;
    }

    public async Task RenameAsync(Actor actor, int id, string? name, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(new UnitName(name), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dept = await db.Departments.FindAsync([id], ct) ?? throw new NotFoundException("Không tìm thấy bộ phận.");
        var clean = VietnameseText.CleanName(name!);
        await EnsureUniqueAsync(db, clean, id, ct);
        dept.Name = clean;
        await db.SaveChangesAsync(actor, ct);
    }

    public async Task SetActiveAsync(Actor actor, int id, bool active, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dept = await db.Departments.FindAsync([id], ct) ?? throw new NotFoundException("Không tìm thấy bộ phận.");
        dept.IsActive = active;
        await db.SaveChangesAsync(actor, ct);
    }

    private static async Task EnsureUniqueAsync(PhoChauDbContext db, string name, int? exceptId, CancellationToken ct)
    {
        // Names differ only by case or spacing are the same unit to a reader: refuse them too.
        var key = VietnameseText.Fold(name);
        var names = await db.Departments.Where(d => d.Id != exceptId).Select(d => d.Name).ToListAsync(ct);
        if (names.Any(n => VietnameseText.Fold(n) == key))
            throw new DomainException($"Đã có bộ phận tên \"{name}\".");
    }
}
