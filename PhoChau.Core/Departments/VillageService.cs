using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Persistence;
using PhoChau.Core.Security;
using PhoChau.Core.Text;

namespace PhoChau.Core.Departments;

/// <summary>The villages (thôn) of the commune; only an administrator changes the list.</summary>
public sealed class VillageService(IDbContextFactory<PhoChauDbContext> dbFactory, UnitNameValidator validator)
{
    public async Task<IReadOnlyList<Village>> ListAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Villages.AsNoTracking()
            .Where(v => includeInactive || v.IsActive)
            .OrderBy(v => v.SortOrder).ThenBy(v => v.Id)
            .ToListAsync(ct);
    }

    public async Task<Village> AddAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(new UnitName(name), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clean = VietnameseText.CleanName(name!);
        await EnsureUniqueAsync(db, clean, null, ct);
        var order = await db.Villages.MaxAsync(v => (int?)v.SortOrder, ct) ?? 0;
        var village = new Village { Name = clean, SortOrder = order + 1 };
        db.Villages.Add(village);
        await db.SaveChangesAsync(actor, ct);
        return village;
    }

    public async Task RenameAsync(Actor actor, int id, string? name, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(new UnitName(name), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var village = await db.Villages.FindAsync([id], ct) ?? throw new NotFoundException("Không tìm thấy thôn.");
        var clean = VietnameseText.CleanName(name!);
        await EnsureUniqueAsync(db, clean, id, ct);
        village.Name = clean;
        await db.SaveChangesAsync(actor, ct);
    }

    public async Task SetActiveAsync(Actor actor, int id, bool active, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var village = await db.Villages.FindAsync([id], ct) ?? throw new NotFoundException("Không tìm thấy thôn.");
        village.IsActive = active;
        await db.SaveChangesAsync(actor, ct);
    }

    private static async Task EnsureUniqueAsync(PhoChauDbContext db, string name, int? exceptId, CancellationToken ct)
    {
        var key = VietnameseText.Fold(name);
        var names = await db.Villages.Where(v => v.Id != exceptId).Select(v => v.Name).ToListAsync(ct);
        if (names.Any(n => VietnameseText.Fold(n) == key))
            throw new DomainException($"Đã có thôn tên \"{name}\".");
    }
}
