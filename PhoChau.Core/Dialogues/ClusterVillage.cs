namespace PhoChau.Core.Dialogues;

/// <summary>
/// A village of one cluster session (<see cref="DialogueId"/>) of a dialogue held by clusters (<see cref="ParentId"/>).
/// Not a workflow record of its own (those are never deleted): a session's villages are replaced while it is planned,
/// and freed when it is cancelled; the session itself, with its name, is audited.
/// </summary>
public class ClusterVillage : ICommuneOwned
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    /// <summary>The cluster session.</summary>
    public int DialogueId { get; set; }
    /// <summary>The dialogue the session belongs to: a village is in one of its clusters at most.</summary>
    public int ParentId { get; set; }
    public int VillageId { get; set; }
}

/// <summary>One session of a dialogue held by village clusters, as its page and its documents show it.</summary>
public sealed record ClusterSession(
    int Id, string Name, IReadOnlyList<string> Villages, DateOnly? SessionDate, TimeOnly? StartTime, string Venue,
    DialogueState State, DateOnly? HeldOn, int Speakers, int Petitions);
