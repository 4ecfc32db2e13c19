using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Hubs;

/// <summary>One speaker in a QueueChanged message (README: "Live updates (SignalR)").</summary>
public sealed record QueueItem(int SpeakerId, int Position, string Name, string VillageOrOrganisation, string Status, DateTime? StartedAt, int SecondsUsed);

/// <summary>The session's whole ordered queue, sent after every saved change.</summary>
public sealed record QueueChangedMessage(int SessionId, int Version, string SessionState, int? CurrentSpeakerId, IReadOnlyList<QueueItem> Queue)
{
    public static QueueChangedMessage From(HallState s) => new(s.DialogueId, s.Version, s.State.ToString(), s.Current?.SpeakerId,
        s.Queue.Select(q => new QueueItem(q.SpeakerId, q.Position, q.Name, q.VillageOrOrganisation, q.Status.ToString(), q.StartedAt, q.SecondsUsed)).ToList());
}

/// <summary>A petition's new state, department and deadline, sent after it is saved.</summary>
public sealed record PetitionChangedMessage(int SessionId, int PetitionId, string Code, string State, string? Department, DateOnly? Deadline)
{
    public static PetitionChangedMessage From(int sessionId, SessionPetition p) =>
        new(sessionId, p.PetitionId, p.Code, p.State.ToString(), p.Department, p.Deadline);
}

/// <summary>A phone registration arrived or was decided: operators ask PendingRequests for the list.</summary>
public sealed record SpeakerRequestsChangedMessage(int SessionId);

/// <summary>One phone registration waiting for the secretary.</summary>
public sealed record PendingRequestItem(int RequestId, string Name, string VillageOrOrganisation, string Topic, DateTime CreatedAtUtc)
{
    public static PendingRequestItem From(SpeakerRequest r) => new(r.Id, r.Name, r.VillageOrOrganisation, r.Topic, r.CreatedAtUtc);
}
