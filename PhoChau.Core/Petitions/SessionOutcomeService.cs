using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Petitions;

/// <summary>
/// What the chair decides at the session (plan 4.2, steps 4–5): which department answers each petition,
/// and whether it was settled there (with the answer and who gave it) or must be answered in writing
/// within the dialogue's "replies" deadline (10 working days after the session by default).
/// </summary>
public sealed class SessionOutcomeService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<SessionPetition>> ListAsync(int dialogueId, IReadOnlyCollection<int> petitionIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from p in db.Petitions.AsNoTracking()
                      where p.DialogueId == dialogueId && petitionIds.Contains(p.Id)
                      join d in db.Departments on p.LeadDepartmentId equals d.Id into ds
                      from d in ds.DefaultIfEmpty()
                      orderby p.Number
                      select new SessionPetition(p.Id, p.Code, p.PetitionerName, p.Text, p.State, p.LeadDepartmentId, d.Name,
                          p.State == PetitionState.NotSettled ? p.ReplyDueDate : p.AnswerDueDate, p.SessionAnswer, p.SessionAnsweredBy, p.Answer))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The session's petitions no department answers yet (its cluster sessions' included), in order: the chair is told
    /// of them before ending the session, since the papers after it cannot be issued until each is given one (issue 33.1).
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Code, string PetitionerName)>> UnassignedAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Petitions.AsNoTracking()
            .Where(p => (p.DialogueId == dialogueId || db.Dialogues.Any(c => c.Id == p.DialogueId && c.ParentId == dialogueId))
                        && p.LeadDepartmentId == null && p.SessionAnswer == null
                        && p.State != PetitionState.Withdrawn && p.State != PetitionState.Merged)
            .OrderBy(p => p.Number).Select(p => new { p.Id, p.Code, p.PetitionerName }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Code, r.PetitionerName)).ToList();
    }

    /// <summary>One click on the chair's console: this department answers the petition.</summary>
    public Task AssignAsync(Actor actor, int petitionId, int departmentId, CancellationToken ct = default) =>
        ChangeAsync(actor, petitionId, (db, p, _) => AssignDepartmentAsync(db, p, departmentId, ct), ct);

    /// <summary>Settled at the session: the answer given and by whom are recorded for the minutes.</summary>
    public Task SettleAsync(Actor actor, int petitionId, string? answer, string? answeredBy, CancellationToken ct = default) =>
        ChangeAsync(actor, petitionId, (_, p, _) =>
        {
            if (string.IsNullOrWhiteSpace(answer)) throw new DomainException(CoreText.Get("Outcomes.AnswerRequired"));
            if (string.IsNullOrWhiteSpace(answeredBy)) throw new DomainException(CoreText.Get("Outcomes.AnsweredByRequired"));
            if (p.LeadDepartmentId is null) throw new DomainException(CoreText.Get("Outcomes.NotAssigned"));
            p.SettleAtSession(answer.Trim(), answeredBy.Trim(), clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Not settled: the responsible department must reply in writing by the dialogue's "replies" deadline.</summary>
    public Task NotSettledAsync(Actor actor, int petitionId, int departmentId, CancellationToken ct = default) =>
        ChangeAsync(actor, petitionId, async (db, p, dialogue) =>
        {
            if (p.State == PetitionState.Received || p.LeadDepartmentId != departmentId && p.State != PetitionState.SettledAtSession)
                await AssignDepartmentAsync(db, p, departmentId, ct);
            p.LeaveForWrittenReply(await RepliesDueAsync(db, dialogue.Id, ct), clock.GetUtcNow().UtcDateTime);
        }, ct);

    /// <summary>
    /// Plan 4.2 step 5, when the chair concludes: every petition with a department that was not settled at the session
    /// is answered in writing by the "replies" deadline. One still without a department stays to be assigned (the reports
    /// count it as answered in writing, not yet assigned). Saved with the conclusion; returns the petitions it moved.
    /// </summary>
    public static async Task<IReadOnlyList<int>> LeaveUnsettledForWrittenRepliesAsync(PhoChauDbContext db, int dialogueId, DateTime now, CancellationToken ct)
    {
        var due = await RepliesDueAsync(db, dialogueId, ct);
        var open = await db.Petitions.Where(p => p.DialogueId == dialogueId && p.LeadDepartmentId != null
            && (p.State == PetitionState.Assigned || p.State == PetitionState.AnswerDrafted || p.State == PetitionState.AnswerApproved)).ToListAsync(ct);
        foreach (var p in open) p.LeaveForWrittenReply(due, now);
        return open.Select(p => p.Id).ToList();
    }

    private static Task<DateOnly?> RepliesDueAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct) =>
        db.DialogueDeadlines.Where(x => x.DialogueId == dialogueId && x.Key == DeadlineKeys.Replies).Select(x => x.DueDate).SingleOrDefaultAsync(ct);

    /// <summary>The petition's one assignment rule (<see cref="Petition.AssignTo"/>), in the hall.</summary>
    private async Task AssignDepartmentAsync(PhoChauDbContext db, Petition p, int departmentId, CancellationToken ct)
    {
        var dept = await db.Departments.FindAsync([departmentId], ct) ?? throw new DomainException(CoreText.Get("Petitions.LeadNotFound"));
        p.AssignTo(dept, new AssignmentTerms(AssignmentPhase.InSession, null, null), clock.GetUtcNow().UtcDateTime, VietnamTime.Today(clock));
    }

    private async Task ChangeAsync(Actor actor, int petitionId, Func<PhoChauDbContext, Petition, Dialogue, Task> change, CancellationToken ct)
    {
        actor.Demand(Permission.Chair);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Petitions.FindAsync([petitionId], ct) ?? throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        var dialogue = await db.Dialogues.SingleAsync(d => d.Id == p.DialogueId, ct);
        if (dialogue.State != DialogueState.InSession)
            throw new DomainException(CoreText.Get("Outcomes.NotInSession"));
        await change(db, p, dialogue);
        db.Raise(new PetitionsChanged(dialogue.Id, [p.Id])); // the hall's screens are told once it is saved
        await db.SaveChangesAsync(actor, ct);
    }
}
