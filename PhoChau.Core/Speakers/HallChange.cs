namespace PhoChau.Core.Speakers;

/// <summary>
/// What changed in a session: the queue (always sent whole) and/or some petitions. <see cref="State"/> is the
/// queue as saved, when the change came from the queue itself: subscribers use it instead of reading it again.
/// </summary>
public sealed record HallChange(int DialogueId, bool QueueChanged, IReadOnlyList<int> PetitionIds, HallState? State = null)
{
    /// <summary>The requests to speak sent from phones changed (for the operators' screens only).</summary>
    public bool RequestsChanged { get; init; }

    /// <summary>Saved by another portal node and relayed here (never relayed back out).</summary>
    public bool Remote { get; init; }
}
