using PhoChau.Core.Citizens;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Overview;

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

        // Every chart beside the year before (issue 33.8: this year against last).
        var byState = now.Concat(last).Select(r => r.State).Distinct()
            .Select(s => new FigureBar(PetitionStateMachine.StateName(s), now.Count(r => r.State == s), last.Count(r => r.State == s)))
            .OrderByDescending(b => b.Value).ThenByDescending(b => b.LastYear).ToList();
        var byField = PetitionLabels.Fields.Select(f => new FigureBar(f.Value, now.Count(r => r.Field == f.Key), last.Count(r => r.Field == f.Key)))
            .Where(b => b.Value + b.LastYear > 0).ToList();
        string VillageOf(int? id, string? typed) => id is { } v ? villages.GetValueOrDefault(v, "?") : typed ?? CoreText.Get("Figures.NoVillage");
        var byVillage = now.Concat(last).Select(r => VillageOf(r.VillageId, r.VillageTyped)).Distinct()
            .Select(v => new FigureBar(v, now.Count(r => VillageOf(r.VillageId, r.VillageTyped) == v), last.Count(r => VillageOf(r.VillageId, r.VillageTyped) == v)))
            .OrderByDescending(b => b.Value).ThenByDescending(b => b.LastYear).ThenBy(b => b.Label).Take(12).ToList();
        var byDepartment = now.Concat(last).Where(r => r.LeadDepartmentId is not null).Select(r => r.LeadDepartmentId!.Value).Distinct()
            .Select(d => new FigureBar(departments.GetValueOrDefault(d, "?"), now.Count(r => r.LeadDepartmentId == d), last.Count(r => r.LeadDepartmentId == d)))
            .OrderByDescending(b => b.Value).ThenByDescending(b => b.LastYear).ToList();
        int OnTime<T>(IEnumerable<T> rows, Func<T, DateOnly?> sent, Func<T, DateOnly?> due) => rows.Count(r => sent(r) is { } s && due(r) is { } d && s <= d);
        int Late<T>(IEnumerable<T> rows, Func<T, DateOnly?> sent, Func<T, DateOnly?> due) => rows.Count(r => sent(r) is { } s && due(r) is { } d && s > d);
        var replies = new List<FigureBar>
        {
            new(CoreText.Get("Figures.OnTime"), OnTime(now, r => r.ReplySentOn, r => r.ReplyDueDate), OnTime(last, r => r.ReplySentOn, r => r.ReplyDueDate)),
            new(CoreText.Get("Figures.Late"), Late(now, r => r.ReplySentOn, r => r.ReplyDueDate), Late(last, r => r.ReplySentOn, r => r.ReplyDueDate)),
            new(CoreText.Get("Figures.Overdue"), now.Count(r => r.ReplySentOn is null && r.State == PetitionState.NotSettled && r.ReplyDueDate is { } d && d < today),
                last.Count(r => r.ReplySentOn is null && r.State == PetitionState.NotSettled && r.ReplyDueDate is { } d && d < today)),
            new(CoreText.Get("Figures.Pending"), now.Count(r => r.ReplySentOn is null && r.State == PetitionState.NotSettled && (r.ReplyDueDate is null || r.ReplyDueDate >= today))),
        };
        var thisYear = now.Select(r => r.Id).ToHashSet();
        var ids = rows.Select(r => r.Id).ToList();
        var ratings = await db.PetitionRatings.AsNoTracking().Where(r => ids.Contains(r.PetitionId)).Select(r => new { r.PetitionId, r.Rating }).ToListAsync(ct);
        var satisfaction = Enum.GetValues<Satisfaction>().Select(s => new FigureBar(CoreText.Get("Figures.Satisfaction." + s),
            ratings.Count(r => r.Rating == s && thisYear.Contains(r.PetitionId)), ratings.Count(r => r.Rating == s && !thisYear.Contains(r.PetitionId)))).ToList();
        return new YearFigures(y, now.Count, last.Count, byState, byField, byVillage, byDepartment, replies, satisfaction);
    }
}
