using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The whole state of a session's hall, read from the database: what every screen renders after a
/// reconnect or a restart. <see cref="Version"/> is the dialogue row's version, which every queue change bumps.
/// </summary>
public sealed record HallState(
    int DialogueId, string Title, DialogueState State, int Version, IReadOnlyList<string> AgendaSteps, int CurrentAgendaStep,
    int SpeakingTimeSeconds, DateOnly? SessionDate, IReadOnlyList<QueueEntry> Queue)
{
    public QueueEntry? Current => Queue.FirstOrDefault(q => q.Status == SpeakerStatus.Speaking);

    /// <summary>Waiting speakers in the order they will be called.</summary>
    public IReadOnlyList<QueueEntry> Waiting => Queue.Where(q => q.Status == SpeakerStatus.Waiting).ToList();

    /// <summary>
    /// Set on the state a queue change returns: the version it was made on and the speakers it added or altered, so a
    /// screen that has that version needs only those (hub: a QueueChanged with baseVersion).
    /// </summary>
    public int? PriorVersion { get; init; }
    public IReadOnlyCollection<int> ChangedSpeakerIds { get; init; } = [];

    /// <summary>Seconds left for the current speaker (negative once over time).</summary>
    public int? SecondsLeft => Current is { } c ? SpeakingTimeSeconds - c.SecondsUsed : null;
}
