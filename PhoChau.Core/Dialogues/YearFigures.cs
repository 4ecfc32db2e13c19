using PhoChau.Core.Citizens;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Dialogues;

/// <summary>One bar of a chart: its label and its value(s), this year first, last year second where compared.</summary>
public sealed record FigureBar(string Label, int Value, int LastYear = 0);

/// <summary>
/// Issue 33.8: the chairman's screen shows the year, in figures a chart draws: the year's petitions (its dialogues'
/// and cluster sessions') by state, field (against last year), village and department, the written replies on time
/// and late, and the citizens' satisfaction.
/// </summary>
public sealed record YearFigures(
    int Year, int Total, int LastYearTotal, IReadOnlyList<FigureBar> ByState, IReadOnlyList<FigureBar> ByField,
    IReadOnlyList<FigureBar> ByVillage, IReadOnlyList<FigureBar> ByDepartment, IReadOnlyList<FigureBar> Replies, IReadOnlyList<FigureBar> Satisfaction);

public sealed class YearFiguresService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock)
{
    public async Task<YearFigures> GetAsync(Actor actor, int? year = null, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        var y = year ?? VietnamTime.Today(clock).Year;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from p in db.Petitions.AsNoTracking()
                          join d in db.Dialogues on p.DialogueId equals d.Id
                          where (d.Year == y || d.Year == y - 1) && p.State != PetitionState.Merged
                          select new { d.Year, p.State, p.Field, p.VillageId, p.VillageTyped, p.LeadDepartmentId, p.ReplySentOn, p.ReplyDueDate, p.Id })
            .ToListAsync(ct);
        var now = rows.Where(r => r.Year == y).ToList();
        var last = rows.Where(r => r.Year == y - 1).ToList();
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var today = VietnamTime.Today(clock);

        var byState = now.GroupBy(r => PetitionStateMachine.StateName(r.State)).Select(g => new FigureBar(g.Key, g.Count()))
            .OrderByDescending(b => b.Value).ToList();
        var byField = PetitionLabels.Fields.Select(f => new FigureBar(f.Value, now.Count(r => r.Field == f.Key), last.Count(r => r.Field == f.Key)))
            .Where(b => b.Value + b.LastYear > 0).ToList();
        var byVillage = now.GroupBy(r => r.VillageId is { } v ? villages.GetValueOrDefault(v, "?") : r.VillageTyped ?? CoreText.Get("Figures.NoVillage"))
            .Select(g => new FigureBar(g.Key, g.Count())).OrderByDescending(b => b.Value).ThenBy(b => b.Label).Take(12).ToList();
        var byDepartment = now.Where(r => r.LeadDepartmentId is not null).GroupBy(r => departments.GetValueOrDefault(r.LeadDepartmentId!.Value, "?"))
            .Select(g => new FigureBar(g.Key, g.Count())).OrderByDescending(b => b.Value).ToList();
        var replies = new List<FigureBar>
        {
            new(CoreText.Get("Figures.OnTime"), now.Count(r => r.ReplySentOn is { } s && r.ReplyDueDate is { } d && s <= d)),
            new(CoreText.Get("Figures.Late"), now.Count(r => r.ReplySentOn is { } s && r.ReplyDueDate is { } d && s > d)),
            new(CoreText.Get("Figures.Overdue"), now.Count(r => r.ReplySentOn is null && r.State == PetitionState.NotSettled && r.ReplyDueDate is { } d && d < today)),
            new(CoreText.Get("Figures.Pending"), now.Count(r => r.ReplySentOn is null && r.State == PetitionState.NotSettled && (r.ReplyDueDate is null || r.ReplyDueDate >= today))),
        };
        var ids = now.Select(r => r.Id).ToList();
        var ratings = await db.PetitionRatings.AsNoTracking().Where(r => ids.Contains(r.PetitionId)).Select(r => r.Rating).ToListAsync(ct);
        var satisfaction = Enum.GetValues<Satisfaction>().Select(s => new FigureBar(CoreText.Get("Figures.Satisfaction." + s), ratings.Count(r => r == s))).ToList();
        return new YearFigures(y, now.Count, last.Count, byState, byField, byVillage, byDepartment, replies, satisfaction);
    }
}
