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
