using PhoChau.Core.Petitions;
using Microsoft.Extensions.Options;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Overview;

/// <summary>The home page's figures; a department officer sees only its department's petitions.</summary>
public sealed class DashboardService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock, IOptionsMonitor<LawOptions> law)
{

    public static readonly PetitionState[] Finished = [PetitionState.Closed, PetitionState.Withdrawn, PetitionState.Merged];

    public async Task<DashboardSummary> GetAsync(Actor actor, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var upcoming = await db.Dialogues.AsNoTracking()
            .Where(d => d.State != DialogueState.Closed && d.State != DialogueState.Cancelled
                        && (d.SessionDate == null || d.SessionDate >= today || d.State == DialogueState.InSession))
            .OrderBy(d => d.SessionDate == null).ThenBy(d => d.SessionDate)
            .Select(d => new UpcomingDialogue(d.Id, d.Title, d.SessionDate, d.StartTime, d.Venue, d.State))
            .FirstOrDefaultAsync(ct);

        var petitions = db.Petitions.AsNoTracking().Where(p => !Finished.Contains(p.State));
        if (!actor.Allows(Permission.ManageWorkflow) && !actor.IsIn(Roles.Viewer) && !actor.IsIn(Roles.Administrator))
            petitions = petitions.Where(p => p.LeadDepartmentId == actor.DepartmentId);
        var open = await petitions.CountAsync(ct);
        var overduePetitions = await petitions
            .Where(p => PetitionStateMachine.AwaitingAnswer.Contains(p.State) && p.AnswerDueDate != null && p.AnswerDueDate < today)
            .OrderBy(p => p.AnswerDueDate).Take(20)
            .Select(p => new OverdueItem(CoreText.Get("Dashboard.AnswerDue"), p.Code, p.AnswerDueDate!.Value))
            .ToListAsync(ct);
        // Plan 4.3 reminders: written replies not sent by their deadline.
        var overdueReplies = await petitions
            .Where(p => p.State == PetitionState.NotSettled && p.ReplyDueDate != null && p.ReplyDueDate < today)
            .OrderBy(p => p.ReplyDueDate).Take(20)
            .Select(p => new OverdueItem(CoreText.Get("Dashboard.ReplyDue"), p.Code, p.ReplyDueDate!.Value))
            .ToListAsync(ct);
        var overdueCount = await petitions.CountAsync(p =>
            (PetitionStateMachine.AwaitingAnswer.Contains(p.State) && p.AnswerDueDate != null && p.AnswerDueDate < today)
            || (p.State == PetitionState.NotSettled && p.ReplyDueDate != null && p.ReplyDueDate < today), ct);

        var overdueDeadlines = await (from x in db.DialogueDeadlines.AsNoTracking()
                                      join d in db.Dialogues on x.DialogueId equals d.Id
                                      where x.MetOn == null && x.DueDate != null && x.DueDate < today
                                            && d.State != DialogueState.Closed && d.State != DialogueState.Cancelled
                                      orderby x.DueDate
                                      select new OverdueItem(x.Name, d.Title, x.DueDate!.Value)).Take(20).ToListAsync(ct);

        return new DashboardSummary(upcoming, open, overdueCount, [.. await LawWarningsAsync(db, today, ct), .. overdueDeadlines, .. overdueReplies, .. overduePetitions])
        {
            AwaitingApproval = actor.Allows(Permission.Chair) ? await AwaitingApprovalAsync(db, ct) : [],
        };
    }

    /// <summary>
    /// The law's clock (art. 43): sessions close at hand and not announced 7 days before, and held ones whose results
    /// are not published within 10 days. Only the dialogues it can concern are read: those about to be held, and those
    /// held within the last year.
    /// </summary>
    private async Task<IReadOnlyList<OverdueItem>> LawWarningsAsync(PhoChauDbContext db, DateOnly today, CancellationToken ct)
    {
        var o = law.CurrentValue;
        var soon = today.AddDays(o.AnnounceDays);
        var yearAgo = today.AddYears(-1);
        var dialogues = await db.Dialogues.AsNoTracking()
            .Where(d => d.SessionDate != null && d.State != DialogueState.Cancelled
                        && (((d.State == DialogueState.Draft || d.State == DialogueState.Announced) && d.SessionDate <= soon && d.SessionDate >= today)
                            || ((d.State == DialogueState.Concluded || d.State == DialogueState.Closed) && d.SessionDate >= yearAgo)))
            .ToListAsync(ct);
        if (dialogues.Count == 0) return [];
        var ids = dialogues.Select(d => d.Id).ToList();
        var publications = await db.DialoguePublications.AsNoTracking().Where(p => ids.Contains(p.DialogueId))
            .Select(p => new DialoguePublication { DialogueId = p.DialogueId, Channel = p.Channel, PublishedOn = p.PublishedOn }).ToListAsync(ct);
        return dialogues
            .SelectMany(d => LawClock.Of(d, publications.Where(p => p.DialogueId == d.Id).ToList(), today, o.AnnounceDays, o.PublishDays)
                .Select(w => new OverdueItem(CoreText.Get("Dashboard.Law." + w.Kind), d.Title, w.Due)))
            .OrderBy(i => i.DueDate).ToList();
    }

    /// <summary>The chair's work queue: answers the departments drafted, written replies drafted, notices drafted, oldest first.</summary>
    private static async Task<IReadOnlyList<ApprovalItem>> AwaitingApprovalAsync(PhoChauDbContext db, CancellationToken ct)
    {
        var answers = await db.Petitions.AsNoTracking().Where(p => p.State == PetitionState.AnswerDrafted)
            .Select(p => new { p.Id, p.Code, p.PetitionerName, Since = p.AnswerSubmittedAtUtc ?? p.CreatedAtUtc }).ToListAsync(ct);
        var replies = await db.Petitions.AsNoTracking()
            .Where(p => p.State == PetitionState.NotSettled && p.ReplyText != null && p.ReplyApprovedAtUtc == null)
            .Select(p => new { p.Id, p.Code, p.PetitionerName, Since = p.SessionOutcomeAtUtc ?? p.CreatedAtUtc }).ToListAsync(ct);
        var notices = await (from n in db.ConclusionNotices.AsNoTracking()
                             join d in db.Dialogues on n.DialogueId equals d.Id
                             where n.State == NoticeState.Draft
                             select new { d.Id, d.Title, Since = d.ConcludedAtUtc ?? d.CreatedAtUtc }).ToListAsync(ct);
        return answers.Select(a => new ApprovalItem(CoreText.Get("Dashboard.ApproveAnswer"), $"{a.Code} — {a.PetitionerName}", a.Since, $"/petitions/{a.Id}"))
            .Concat(replies.Select(r => new ApprovalItem(CoreText.Get("Dashboard.ApproveReply"), $"{r.Code} — {r.PetitionerName}", r.Since, $"/petitions/{r.Id}")))
            .Concat(notices.Select(n => new ApprovalItem(CoreText.Get("Dashboard.ApproveNotice"), n.Title, n.Since, $"/dialogues/{n.Id}/after")))
            .OrderBy(i => i.SinceUtc).ToList();
    }
}
