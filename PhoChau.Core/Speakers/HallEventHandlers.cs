using PhoChau.Core.Petitions;

namespace PhoChau.Core.Speakers;

/// <summary>
/// Petitions changed outside the hall's own queue (assigned on the petitions page, settled, replied to): the hall's
/// screens are told once the change is committed (issue 34.3: Petitions raise the event, the hall publishes it).
/// </summary>
internal sealed class ShowPetitionsInTheHall(HallNotifier notifier) : AfterCommitHandler<PetitionsChanged>
{
    protected override void Handle(PetitionsChanged e) => notifier.Publish(new HallChange(e.DialogueId, false, e.PetitionIds));
}

/// <summary>
/// The hall changed outside its queue's write path (the session opened, a phone request came or was decided): the
/// screens are told once the change is committed, never of a rolled-back one. The queue's own actions announce
/// themselves at the end of <see cref="HallWrites"/>, after the disk flush they must wait for.
/// </summary>
public sealed record HallChanged(HallChange Change) : IDomainEvent;

internal sealed class TellTheHall(HallNotifier notifier) : AfterCommitHandler<HallChanged>
{
    protected override void Handle(HallChanged e) => notifier.Publish(e.Change);
}
