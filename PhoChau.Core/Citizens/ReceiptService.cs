using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Citizens;

/// <summary>
/// Receipts for petitions. Only a PIN's hash is kept, so producing a receipt issues a new PIN: the one on any earlier
/// receipt stops working, and the issue is in the audit trail. A petition recorded by hand shows its first PIN on the
/// receipt printed right after; any other gets its PIN when its receipt is printed.
/// </summary>
public sealed class ReceiptService(IDbContextFactory<PhoChauDbContext> dbFactory, TrackingPin pins, TimeProvider clock)
{
    /// <summary>Issues a new PIN and returns the receipt that carries it.</summary>
    public async Task<Receipt> IssueAsync(Actor actor, int petitionId, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Petitions.SingleOrDefaultAsync(x => x.Id == petitionId, ct) ?? throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        if (PetitionStateMachine.IsFinished(p.State) && p.State != PetitionState.Closed)
            throw new DomainException(CoreText.Get("Receipt.Withdrawn"));
        pins.Issue(p, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(actor, ct);
        return await ReceiptOfAsync(db, p, ct);
    }

    /// <summary>The receipt of a petition just recorded, with the PIN its creation issued (shown once).</summary>
    public async Task<Receipt> ForNewPetitionAsync(Petition created, CancellationToken ct = default)
    {
        if (created.IssuedPin is null) throw new InvalidOperationException("The petition carries no newly issued PIN.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReceiptOfAsync(db, created, ct);
    }

    private static async Task<Receipt> ReceiptOfAsync(PhoChauDbContext db, Petition p, CancellationToken ct)
    {
        var dialogue = await db.Dialogues.AsNoTracking().SingleAsync(d => d.Id == p.DialogueId, ct);
        var commune = await CommuneProfileService.ReadAsync(db, ct);
        var answersDue = await db.DialogueDeadlines.AsNoTracking()
            .Where(x => x.DialogueId == p.DialogueId && x.Key == DeadlineKeys.Answers).Select(x => x.DueDate).SingleOrDefaultAsync(ct);
        // Before the session: the department answers by the plan's deadline; after it, the written reply is due.
        var (due, rule) = p.State is PetitionState.NotSettled or PetitionState.ReplySent or PetitionState.Closed
            ? (p.ReplyDueDate, CoreText.Format(CoreText.Vietnamese, "Receipt.RuleReply"))
            : (p.AnswerDueDate ?? answersDue, CoreText.Format(CoreText.Vietnamese, "Receipt.RuleAnswer"));
        return new Receipt(p.Id, commune.CommitteeName, commune.CommuneName, commune.PlaceName, dialogue.Title, p.Code, p.ReceivedOn,
            due, rule, p.IssuedPin!, p.PinIssuedAtUtc ?? db.Clock.GetUtcNow().UtcDateTime) { SuperiorBody = commune.SuperiorBody, CommuneCode = commune.Code };
    }
}
