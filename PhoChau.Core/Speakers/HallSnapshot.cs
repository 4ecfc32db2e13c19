using System.Collections.Concurrent;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The last saved queue of each session, held in memory against the dialogue row's version: a read or a queue action
/// that finds the same version in the database uses it instead of reading every speaker again. Every queue change
/// bumps that version, so a copy can never be older than the database without the version saying so (another portal
/// node, an edit of the dialogue, a restore: the version differs, the queue is read again).
/// </summary>
public sealed class HallSnapshots
{
    /// <summary>Sessions kept at most: a province's server over a year sees thousands, a hall only a few at once.</summary>
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<int, (HallSnapshot Snapshot, long UsedAt)> _byDialogue = new();
    private long _uses; // an order of use, not a time: two uses in one millisecond still come one after the other

    public HallSnapshot? Get(int dialogueId, int version)
    {
        if (!_byDialogue.TryGetValue(dialogueId, out var s) || s.Snapshot.Version != version) return null;
        _byDialogue.TryUpdate(dialogueId, (s.Snapshot, Interlocked.Increment(ref _uses)), s);
        return s.Snapshot;
    }

    /// <summary>The newest snapshot kept for a session, whatever its version (the caller's save is guarded by it).</summary>
    public HallSnapshot? Latest(int dialogueId) =>
        _byDialogue.TryGetValue(dialogueId, out var s) ? s.Snapshot : null;

    public void Set(HallSnapshot snapshot)
    {
        var now = Interlocked.Increment(ref _uses);
        _byDialogue.AddOrUpdate(snapshot.DialogueId, (snapshot, now), (_, old) => snapshot.Version >= old.Snapshot.Version ? (snapshot, now) : old);
        // The least recently used go first; one read again from the database is all a forgotten session costs.
        while (_byDialogue.Count > Capacity && _byDialogue.MinBy(e => e.Value.UsedAt) is { Key: var oldest })
            _byDialogue.TryRemove(oldest, out _);
    }

    public int Count => _byDialogue.Count;
}

/// <summary>Detached copies of a session's dialogue row, speakers and petition links at one version.</summary>
public sealed record HallSnapshot(Dialogue Dialogue, IReadOnlyList<Speaker> Speakers, ILookup<int, int> PetitionsBySpeaker)
{
    public int DialogueId => Dialogue.Id;
    public int Version => Dialogue.Version;

    /// <summary>The state every screen shows; the current speaker's time is counted to <paramref name="nowUtc"/>.</summary>
    public HallState ToState(DateTime nowUtc)
    {
        var d = Dialogue;
        var queue = Speakers.OrderBy(s => s.Position).Select((s, i) => new QueueEntry(
            s.Id, i + 1, s.Name, s.VillageOrOrganisation, s.Topic, s.Status, s.IsPointOfOrder, s.StartedAtUtc,
            SpeakingTime.SecondsUsed(s, nowUtc), PetitionsBySpeaker[s.Id].ToList(), s.Summary, s.AnswerGiven, s.NamedPublicly, s.Remote,
            s.AnsweredAtUtc is not null, s.NoAnswer)).ToList();
        return new HallState(d.Id, d.Title, d.State, d.Version, d.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            d.CurrentAgendaStep, d.SpeakingTimeSeconds, d.SessionDate, queue);
    }

    /// <summary>This snapshot with some speakers (changed or new) and links replaced, at the dialogue's new version.</summary>
    public HallSnapshot With(Dialogue dialogue, IEnumerable<Speaker> changed, IEnumerable<(int SpeakerId, int PetitionId)> newLinks)
    {
        var byId = Speakers.ToDictionary(s => s.Id);
        foreach (var s in changed) byId[s.Id] = Copy(s);
        var links = PetitionsBySpeaker.SelectMany(g => g.Select(p => (SpeakerId: g.Key, PetitionId: p))).Concat(newLinks).Distinct()
            .ToLookup(l => l.SpeakerId, l => l.PetitionId);
        return new HallSnapshot(Copy(dialogue), byId.Values.ToList(), links);
    }

    public static Speaker Copy(Speaker s)
    {
        var copy = new Speaker
        {
            Id = s.Id, DialogueId = s.DialogueId, Position = s.Position, Name = s.Name, VillageOrOrganisation = s.VillageOrOrganisation, Topic = s.Topic,
            IsPointOfOrder = s.IsPointOfOrder, NamedPublicly = s.NamedPublicly, Remote = s.Remote, RegisteredAtUtc = s.RegisteredAtUtc, StartedAtUtc = s.StartedAtUtc,
            EndedAtUtc = s.EndedAtUtc, Summary = s.Summary, AnswerGiven = s.AnswerGiven, Version = s.Version, CommuneId = s.CommuneId,
        };
        copy.CopyStored(s.Status);
        copy.CopyAnswer(s.AnsweredAtUtc, s.NoAnswer);
        return copy;
    }

    /// <summary>Every stored field equal (a change left this speaker as it was).</summary>
    public static bool Same(Speaker a, Speaker b) =>
        a.Position == b.Position && a.Name == b.Name && a.VillageOrOrganisation == b.VillageOrOrganisation && a.Topic == b.Topic
        && a.Status == b.Status && a.IsPointOfOrder == b.IsPointOfOrder && a.NamedPublicly == b.NamedPublicly && a.Remote == b.Remote && a.RegisteredAtUtc == b.RegisteredAtUtc
        && a.StartedAtUtc == b.StartedAtUtc && a.EndedAtUtc == b.EndedAtUtc && a.Summary == b.Summary && a.AnswerGiven == b.AnswerGiven
        && a.AnsweredAtUtc == b.AnsweredAtUtc && a.NoAnswer == b.NoAnswer && a.Version == b.Version && a.DialogueId == b.DialogueId;

    public static Dialogue Copy(Dialogue d)
    {
        var copy = new Dialogue
        {
            Id = d.Id, Title = d.Title, Version = d.Version, Agenda = d.Agenda, CurrentAgendaStep = d.CurrentAgendaStep,
            SpeakingTimeSeconds = d.SpeakingTimeSeconds, SessionDate = d.SessionDate, CommuneId = d.CommuneId,
        };
        copy.CopyStored(d.State);
        return copy;
    }
}
