using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Hubs;

/// <summary>One speaker in a QueueChanged message (README: "Live updates (SignalR)").</summary>
public sealed record QueueItem(int SpeakerId, int Position, string Name, string VillageOrOrganisation, string Status, DateTime? StartedAt, int SecondsUsed);

/// <summary>
/// A session's queue after a saved change. Without <see cref="BaseVersion"/> (JoinSession, or a screen's first news)
/// <see cref="Queue"/> is the whole ordered queue. With it, Queue holds only the speakers that changed since that
/// version (added, moved, called, marked; the current speaker always), each with its position: a screen that shows
/// BaseVersion replaces those by SpeakerId and sorts by Position; one that shows another version calls JoinSession.
/// A long session's every action thus sends a few speakers, not hundreds (README: "Live updates", queue-growth).
/// </summary>
public sealed record QueueChangedMessage(int SessionId, int Version, string SessionState, int? CurrentSpeakerId, IReadOnlyList<QueueItem> Queue,
    int? BaseVersion = null, int Count = 0)
{
    /// <summary>The whole queue.</summary>
    public static QueueChangedMessage From(HallState s) => From(s, Items(s));

    /// <summary>The whole queue, its items already made (<see cref="Items"/>).</summary>
    public static QueueChangedMessage From(HallState s, IReadOnlyList<QueueItem> items) =>
        new(s.DialogueId, s.Version, s.State.ToString(), s.Current?.SpeakerId, items, null, items.Count);

    /// <summary>What a change returns: the speakers it changed on the version it was made on, or the whole queue.</summary>
    public static QueueChangedMessage Changes(HallState s)
    {
        if (s.PriorVersion is not { } prior) return From(s);
        var changed = s.ChangedSpeakerIds.ToHashSet();
        return new(s.DialogueId, s.Version, s.State.ToString(), s.Current?.SpeakerId,
            s.Queue.Where(q => changed.Contains(q.SpeakerId) || q.Status == SpeakerStatus.Speaking).Select(Item).ToList(), prior, s.Queue.Count);
    }

    /// <summary>The speakers of <paramref name="items"/> that differ from <paramref name="sent"/> (the list sent at <paramref name="baseVersion"/>).</summary>
    public static QueueChangedMessage Since(HallState s, IReadOnlyList<QueueItem> items, int baseVersion, IReadOnlyDictionary<int, QueueItem> sent) =>
        new(s.DialogueId, s.Version, s.State.ToString(), s.Current?.SpeakerId,
            items.Where(i => !sent.TryGetValue(i.SpeakerId, out var before) || before != i || i.Status == nameof(SpeakerStatus.Speaking)).ToList(),
            baseVersion, items.Count);

    public static List<QueueItem> Items(HallState s) => s.Queue.Select(Item).ToList();

    private static QueueItem Item(QueueEntry q) => new(q.SpeakerId, q.Position, q.Name, q.VillageOrOrganisation, StatusNames[(int)q.Status], q.StartedAt, q.SecondsUsed);

    // Enum.ToString for each speaker of every message showed in the profile of a 500-speaker session.
    private static readonly string[] StatusNames = Enum.GetValues<SpeakerStatus>().OrderBy(v => (int)v).Select(v => v.ToString()).ToArray();

    /// <summary>This message applied to the list a screen holds at <see cref="BaseVersion"/> (tests and tools; a screen does the same).</summary>
    public IReadOnlyList<QueueItem> ApplyTo(IReadOnlyList<QueueItem> held)
    {
        if (BaseVersion is null) return Queue;
        var byId = held.ToDictionary(q => q.SpeakerId);
        foreach (var q in Queue) byId[q.SpeakerId] = q;
        return byId.Values.OrderBy(q => q.Position).ToList();
    }
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
