using PhoChau.Core.Commune;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Core.Reports;

/// <summary>Everything the after-session documents are drafted from, read once.</summary>
public sealed record SessionRecord(
    Dialogue Dialogue, CommuneProfile Commune, IReadOnlyList<string> Participants, IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<Petition> Petitions, IReadOnlyDictionary<int, string> Departments)
{
    public string DepartmentOf(Petition p) => p.LeadDepartmentId is { } d ? Departments.GetValueOrDefault(d, "") : "";
}
