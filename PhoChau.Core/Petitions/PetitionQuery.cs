using PhoChau.Core.Calendar;
using PhoChau.Core.Text;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Petition lists for the secretary, the chair and the department inbox: filtering, searching, ordering
/// and paging run in SQLite on indexed, pre-folded columns, so a list of thousands stays fast.
/// </summary>
public sealed class PetitionQuery(IDbContextFactory<PhoChauDbContext> dbFactory, CalendarService calendar, TimeProvider clock)
{
    /// <summary>How many petitions each dialogue has (the dialogues' list shows it; a dialogue without any is absent).</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountByDialogueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Petitions.AsNoTracking().GroupBy(p => p.DialogueId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task<PetitionListPage> FindAsync(Actor actor, PetitionFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = VietnamTime.Today(clock);
        var q = db.Petitions.AsNoTracking();

        // A department officer sees its own department's work only, whatever it asks for.
        var departmentId = filter.DepartmentId;
        if (actor.IsIn(Roles.DepartmentOfficer) && !actor.Allows(Permission.ManageWorkflow))
        {
            if (departmentId is not null && departmentId != actor.DepartmentId) throw new ForbiddenException(CoreText.Get("Petitions.OwnDepartmentOnly"));
            departmentId = actor.DepartmentId ?? -1;
        }

        if (filter.DialogueId is { } dialogueId) q = q.Where(p => p.DialogueId == dialogueId);
        if (filter.NumberFrom is { } from) q = q.Where(p => p.Number >= from);
        if (filter.NumberTo is { } to) q = q.Where(p => p.Number <= to);
        q = filter.Stage switch
        {
            WorkStage.ToDo => q.Where(p => p.State == PetitionState.Assigned || (p.State == PetitionState.NotSettled && p.ReplyText == null)),
            WorkStage.AwaitingApproval => q.Where(p => p.State == PetitionState.AnswerDrafted
                || (p.State == PetitionState.NotSettled && p.ReplyText != null && p.ReplySentOn == null)),
            WorkStage.Done => q.Where(p => p.State != PetitionState.Received && p.State != PetitionState.Assigned
                && p.State != PetitionState.AnswerDrafted && p.State != PetitionState.NotSettled),
            _ => q,
        };
        if (filter.State is { } state) q = q.Where(p => p.State == state);
        if (departmentId is { } dept) q = q.Where(p => p.LeadDepartmentId == dept);
        if (filter.VillageId is { } village) q = q.Where(p => p.VillageId == village);
        if (filter.Field is { } field) q = q.Where(p => p.Field == field);
        if (filter.OverdueOnly)
            q = q.Where(p => (PetitionStateMachine.AwaitingAnswer.Contains(p.State) && p.AnswerDueDate < today)
                          || (p.State == PetitionState.NotSettled && p.ReplyDueDate < today));
        foreach (var word in VietnameseText.Fold(filter.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var w = word;
            q = q.Where(p => p.SearchText.Contains(w));
        }

        var total = await q.CountAsync(ct);
        var joined = from p in q
                     join v in db.Villages on p.VillageId equals v.Id into vs
                     from v in vs.DefaultIfEmpty()
                     join d in db.Departments on p.LeadDepartmentId equals d.Id into ds
                     from d in ds.DefaultIfEmpty()
                     select new { p, VillageName = v.Name, VillageOrder = (int?)v.SortOrder, DepartmentName = d.Name };
        joined = (filter.Sort, filter.Descending) switch
        {
            (PetitionSort.Village, false) => joined.OrderBy(x => x.VillageOrder == null).ThenBy(x => x.VillageOrder).ThenBy(x => x.p.NameSortKey),
            (PetitionSort.Village, true) => joined.OrderByDescending(x => x.VillageOrder).ThenBy(x => x.p.NameSortKey),
            (PetitionSort.Name, false) => joined.OrderBy(x => x.p.NameSortKey).ThenBy(x => x.p.Id),
            (PetitionSort.Name, true) => joined.OrderByDescending(x => x.p.NameSortKey).ThenBy(x => x.p.Id),
            (PetitionSort.Code, false) => joined.OrderBy(x => x.p.DialogueId).ThenBy(x => x.p.Number),
            (PetitionSort.Code, true) => joined.OrderByDescending(x => x.p.DialogueId).ThenByDescending(x => x.p.Number),
            (_, false) => joined.OrderBy(x => x.p.ReceivedOn).ThenBy(x => x.p.Id),
            (_, true) => joined.OrderByDescending(x => x.p.ReceivedOn).ThenByDescending(x => x.p.Id),
        };
        var page = await joined.Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, 200))
            .Select(x => new
            {
                x.p.Id, x.p.Code, x.p.PetitionerName, x.VillageName, x.p.Phone, x.p.ReceivedOn, x.p.Field, x.p.State,
                x.DepartmentName, x.p.AnswerDueDate, x.p.ReplyDueDate, x.p.Version,
            })
            .ToListAsync(ct);

        var cal = await calendar.GetCalendarAsync(ct);
        var showPhone = actor.Allows(Permission.SeePersonalData);
        return new PetitionListPage(page.Select(x =>
        {
            DateOnly? due = PetitionStateMachine.AwaitingAnswer.Contains(x.State) ? x.AnswerDueDate
                : x.State == PetitionState.NotSettled ? x.ReplyDueDate : null;
            int? left = due is { } d ? DueStatus.Of(cal, today, d).WorkingDaysLeft : null;
            return new PetitionRow(x.Id, x.Code, x.PetitionerName, x.VillageName, showPhone ? x.Phone : null, x.ReceivedOn,
                x.Field, x.State, x.DepartmentName, due, left, x.Version);
        }).ToList(), total);
    }
}
