namespace PhoChau.Core.Speakers;

/// <summary>One speaker as every screen shows it; also the payload of the hub's QueueChanged event.</summary>
public sealed record QueueEntry(
    int SpeakerId, int Position, string Name, string VillageOrOrganisation, string Topic, SpeakerStatus Status,
    bool IsPointOfOrder, DateTime? StartedAt, int SecondsUsed, IReadOnlyList<int> PetitionIds, string Summary, string AnswerGiven,
    bool NamedPublicly = false, bool Remote = false, bool Answered = false, bool NoAnswer = false);
