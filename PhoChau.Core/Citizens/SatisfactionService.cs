using PhoChau.Core.Departments;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Citizens;

/// <summary>Citizens' satisfaction with the written replies, by department, field and quarter, beside the on-time figures.</summary>
public sealed class SatisfactionService(IDbContextFactory<PhoChauDbContext> dbFactory)
{
    /// <param name="dialogueId">One dialogue, or every dialogue when null.</param>
    public async Task<SatisfactionFigures> FiguresAsync(Actor actor, int? dialogueId = null, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var petitions = db.Petitions.AsNoTracking().Where(p => p.ReplySentOn != null);
        if (dialogueId is { } id) petitions = petitions.Where(p => p.DialogueId == id);
        if (actor.IsIn(Roles.DepartmentOfficer) && !actor.Allows(Permission.ManageWorkflow)) petitions = petitions.Where(p => p.LeadDepartmentId == actor.DepartmentId);
        var rows = await (from p in petitions
                          join r in db.PetitionRatings on p.Id equals r.PetitionId into rs
                          from r in rs.DefaultIfEmpty()
                          select new Row(p.LeadDepartmentId, p.Field, p.ReplySentOn, p.ReplyDueDate, r == null ? null : r.Rating, r == null ? null : r.CreatedAtUtc))
                         .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Kind == UnitKind.Department).OrderBy(d => d.SortOrder).ToListAsync(ct);

        var byDepartment = departments.Select(d => Line(d.Name, rows.Where(r => r.Department == d.Id))).Where(l => l.Rated + l.RepliedOnTime + l.RepliedLate > 0).ToList();
        var byField = PetitionLabels.Fields.Select(f => Line(f.Value, rows.Where(r => r.Field == f.Key))).Where(l => l.Rated + l.RepliedOnTime + l.RepliedLate > 0).ToList();
        var byQuarter = rows.Where(r => r.RatedAtUtc is not null)
            .GroupBy(r => { var local = r.RatedAtUtc!.Value.Add(VietnamTime.Offset); return (local.Year, Quarter: (local.Month - 1) / 3 + 1); })
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Quarter)
            .Select(g => new QuarterSatisfaction(g.Key.Year, g.Key.Quarter, g.Count(), g.Count(r => r.Rating == Satisfaction.Satisfied))).ToList();
        return new SatisfactionFigures(byDepartment, byField, byQuarter);
    }

    private static SatisfactionLine Line(string name, IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        return new SatisfactionLine(name,
            list.Count(r => r.Rating == Satisfaction.Satisfied), list.Count(r => r.Rating == Satisfaction.Neutral), list.Count(r => r.Rating == Satisfaction.Unsatisfied),
            list.Count(r => r.SentOn <= r.DueOn), list.Count(r => r.SentOn > r.DueOn));
    }

    private sealed record Row(int? Department, PetitionField Field, DateOnly? SentOn, DateOnly? DueOn, Satisfaction? Rating, DateTime? RatedAtUtc);
}
