using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Plan 4.3: petitions not settled at the session get a written reply within the "replies" deadline. The
/// department drafts it, the chair or secretary approves it, the secretary records when and how it was sent,
/// then closes the petition; the dialogue is Closed once every petition is finished.
/// </summary>
public sealed class FollowUpService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The fields of the written reply's form: its text and the day it was sent.</summary>
    public const string ReplyField = "Reply", SentOnField = "SentOn";

    public Task DraftReplyAsync(Actor actor, int petitionId, int expectedVersion, string? text, CancellationToken ct = default) =>
        ChangeAsync(actor, petitionId, expectedVersion, Permission.AnswerPetitions, (_, p) =>
        {
            actor.DemandDepartment(p.LeadDepartmentId);
            if (p.State != PetitionState.NotSettled) throw new DomainException(NotOpen(p));
            if (string.IsNullOrWhiteSpace(text)) throw DomainException.ForField(ReplyField, CoreText.Get("FollowUp.ReplyEmpty"));
            if (text.Length > PetitionInputValidator.MaxTextLength) throw DomainException.ForField(ReplyField, CoreText.Get("FollowUp.ReplyTooLong"));
            p.ReplyText = text.Trim();
            p.ReplyApprovedAtUtc = null; // a changed draft must be approved again
            p.ReplyApprovedBy = null;
            return Task.CompletedTask;
        }, ct);

    public Task ApproveReplyAsync(Actor actor, int petitionId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(actor, petitionId, expectedVersion, Permission.Chair, (_, p) =>
        {
            if (p.State != PetitionState.NotSettled) throw new DomainException(NotOpen(p));
            if (string.IsNullOrWhiteSpace(p.ReplyText)) throw new DomainException(CoreText.Get("FollowUp.NoDraft"));
            p.ReplyApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
            p.ReplyApprovedBy = actor.UserName;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Records the day the approved reply reached the citizen and how (by hand, post, through the village head).</summary>
    public Task RecordSentAsync(Actor actor, int petitionId, int expectedVersion, DateOnly sentOn, ReplyChannel channel, CancellationToken ct = default) =>
        ChangeAsync(actor, petitionId, expectedVersion, Permission.ManageWorkflow, async (db, p) =>
        {
            if (p.State != PetitionState.NotSettled) throw new DomainException(NotOpen(p));
            if (p.ReplyApprovedAtUtc is null) throw new DomainException(CoreText.Get("FollowUp.NotApproved"));
            if (sentOn > VietnamTime.Today(clock)) throw DomainException.ForField(SentOnField, CoreText.Get("FollowUp.SentInFuture"));
            var session = await db.Dialogues.Where(d => d.Id == p.DialogueId).Select(d => d.SessionDate).SingleAsync(ct);
            if (session is { } s && sentOn < s) throw DomainException.ForField(SentOnField, CoreText.Get("FollowUp.SentBeforeSession"));
            p.RecordReplySent(sentOn, channel, clock.GetUtcNow().UtcDateTime); // the citizen is told in the same save
        }, ct);

    /// <summary>Closes a petition answered at the session or by a sent reply; the dialogue closes with its last petition.</summary>
    public Task CloseAsync(Actor actor, int petitionId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(actor, petitionId, expectedVersion, Permission.ManageWorkflow, async (db, p) =>
        {
            p.MoveTo(PetitionState.Closed);
            p.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(actor, ct);
            await CloseDialogueIfDoneAsync(db, p.DialogueId, ct);
        }, ct);

    private async Task CloseDialogueIfDoneAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        var dialogue = await db.Dialogues.Include(d => d.Deadlines).SingleAsync(d => d.Id == dialogueId, ct);
        if (dialogue.ParentId is not { } root)
        {
            await CloseIfDoneAsync(db, dialogue, await ClusterService.SeriesAsync(db, dialogue.Id, ct), ct);
            return;
        }
        // A cluster session closes with its own petitions; its dialogue follows up every session's, and closes with the last.
        await CloseIfDoneAsync(db, dialogue, [dialogue.Id], ct);
        await CloseIfDoneAsync(db, await db.Dialogues.Include(d => d.Deadlines).SingleAsync(d => d.Id == root, ct), await ClusterService.SeriesAsync(db, root, ct), ct);
    }

    private async Task CloseIfDoneAsync(PhoChauDbContext db, Dialogue dialogue, List<int> series, CancellationToken ct)
    {
        var states = await db.Petitions.Where(p => series.Contains(p.DialogueId)).Select(p => p.State).ToListAsync(ct);
        var today = VietnamTime.Today(clock);
        if (states.All(s => s != PetitionState.NotSettled))
            foreach (var d in dialogue.Deadlines.Where(d => d.Key == DeadlineKeys.Replies && d.MetOn is null)) d.MetOn = today;
        if (dialogue.State == DialogueState.Concluded && states.All(PetitionStateMachine.IsFinished))
            dialogue.MoveTo(DialogueState.Closed);
    }

    private async Task ChangeAsync(Actor actor, int petitionId, int expectedVersion, Permission permission,
        Func<PhoChauDbContext, Petition, Task> change, CancellationToken ct)
    {
        actor.Demand(permission);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await db.Petitions.FindAsync([petitionId], ct) ?? throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        db.ExpectVersion(p, expectedVersion);
        await change(db, p);
        db.Raise(new PetitionsChanged(p.DialogueId, [p.Id])); // the hall is told at the commit
        await db.SaveChangesAsync(actor, ct);
        await tx.CommitAsync(ct);
    }

    private static string NotOpen(Petition p) =>
        CoreText.Format("FollowUp.NotAwaitingReply", p.Code, PetitionStateMachine.StateName(p.State));
}
