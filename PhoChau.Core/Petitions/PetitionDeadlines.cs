using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Petitions;

/// <summary>The dialogue's deadlines were counted again: its petitions' due dates follow, in the same save.</summary>
internal sealed class FollowDialogueDeadlines : DomainEventHandler<DeadlinesCounted>
{
    protected override async Task HandleAsync(PhoChauDbContext db, DeadlinesCounted e, CancellationToken ct)
    {
        var open = await db.Petitions.Where(p => p.DialogueId == e.Dialogue.Id
            && (p.State == PetitionState.Assigned || p.State == PetitionState.AnswerDrafted || p.State == PetitionState.NotSettled))
            .ToListAsync(ct);
        foreach (var p in open) p.FollowDeadlines(e.AnswersDue, e.RepliesDue);
    }
}
