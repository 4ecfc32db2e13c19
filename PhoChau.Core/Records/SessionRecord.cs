using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Core.Records;

/// <summary>Everything the after-session documents are drafted from, read once.</summary>
public sealed record SessionRecord(
    Dialogue Dialogue, CommuneProfile Commune, IReadOnlyList<string> Participants, IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<Petition> Petitions, IReadOnlyDictionary<int, string> Departments)
{
    /// <summary>The commune's number of voters in the year of a voters' request (what its share is measured against).</summary>
    public int? Voters { get; init; }

    /// <summary>The dialogue's cluster sessions, when it is held by village clusters (their speakers and petitions are in this record's lists unless it is one session's).</summary>
    public IReadOnlyList<ClusterSession> Clusters { get; init; } = [];

    /// <summary>The most who followed the session online at once: live-page viewers and listeners of the hall's sound.</summary>
    public (int Viewers, int Listeners) OnlineAudience { get; init; }

    /// <summary>The speakers heard from afar (asked from the phone as following online, then called).</summary>
    public int HeardFromAfar => Speakers.Count(s => s.Remote && s.Status is SpeakerStatus.Done or SpeakerStatus.Speaking);

    /// <summary>A cluster session's own villages (empty for a dialogue that is not a cluster session).</summary>
    public IReadOnlyList<string> OwnVillages { get; init; } = [];

    public string DepartmentOf(Petition p) => p.LeadDepartmentId is { } d ? Departments.GetValueOrDefault(d, "") : "";

    /// <summary>The department a petition answered in writing is given to, as the documents write it.</summary>
    public string AssignedTo(Petition p) => p.LeadDepartmentId is null ? NotAssigned : DepartmentOf(p);

    /// <summary>What a paper says of a petition no department answers yet (a gap: <see cref="PaperCheck"/>).</summary>
    public const string NotAssigned = "(chưa giao bộ phận)";

    public IReadOnlyList<Petition> SettledAtSession => Petitions.Where(OutcomeFigures.IsSettledAtSession).ToList();

    /// <summary>Plan 4.2 step 5: every petition of the held session not settled there is answered in writing.</summary>
    public IReadOnlyList<Petition> InWriting => Petitions
        .Where(p => p.State is not (PetitionState.Withdrawn or PetitionState.Merged) && !OutcomeFigures.IsSettledAtSession(p)).ToList();
}
