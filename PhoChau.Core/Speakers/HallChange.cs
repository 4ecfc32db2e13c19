namespace PhoChau.Core.Speakers;

/// <summary>What changed in a session: the queue (always sent whole) and/or some petitions.</summary>
public sealed record HallChange(int DialogueId, bool QueueChanged, IReadOnlyList<int> PetitionIds);
