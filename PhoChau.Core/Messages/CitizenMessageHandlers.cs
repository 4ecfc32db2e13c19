using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Messages;

// What citizens are told, as the events that tell it happen (issue 34.3): petitions and dialogues raise the events and
// know nothing of messages; the messages are queued in the save that wrote the change, both kept or neither.

internal sealed class TellPetitionReceived(CitizenMessages messages) : DomainEventHandler<PetitionReceived>
{
    protected override Task HandleAsync(PhoChauDbContext db, PetitionReceived e, CancellationToken ct) =>
        messages.QueueReceivedAsync(db, e.Petition, e.AtUtc, ct);
}

internal sealed class TellReplySent(CitizenMessages messages) : DomainEventHandler<ReplySent>
{
    protected override Task HandleAsync(PhoChauDbContext db, ReplySent e, CancellationToken ct) =>
        messages.QueueReplySentAsync(db, e.Petition, e.AtUtc, ct);
}

internal sealed class TellResultsPublished(CitizenMessages messages) : DomainEventHandler<ResultsPublished>
{
    protected override Task HandleAsync(PhoChauDbContext db, ResultsPublished e, CancellationToken ct) =>
        messages.QueueResultsPublishedAsync(db, e.DialogueId, e.AtUtc, ct);
}
