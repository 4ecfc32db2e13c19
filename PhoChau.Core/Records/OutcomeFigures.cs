using PhoChau.Core.Petitions;

namespace PhoChau.Core.Records;

/// <summary>
/// Where every petition of a dialogue stands, in parts that add up to the total: settled at the session, answered
/// in writing (plan 4.2 step 5: every petition not settled at a held session), still before the session, withdrawn
/// or merged. The results report and the summary workbook both print these.
/// </summary>
public sealed record OutcomeFigures(int Total, int SettledAtSession, int InWriting, int Replied, int NotAssigned, int BeforeSession, int WithdrawnOrMerged)
{
    public static bool IsSettledAtSession(Petition p) => p.SessionAnswer is not null && p.State is PetitionState.SettledAtSession or PetitionState.Closed;

    private static bool IsWithdrawnOrMerged(Petition p) => p.State is PetitionState.Withdrawn or PetitionState.Merged;

    /// <param name="held">Whether the session was held (concluded or closed): then nothing is "before the session".</param>
    public static OutcomeFigures Of(IReadOnlyCollection<Petition> petitions, bool held)
    {
        var open = petitions.Where(p => !IsWithdrawnOrMerged(p) && !IsSettledAtSession(p)).ToList();
        var inWriting = open.Where(p => held || p.State is PetitionState.NotSettled or PetitionState.ReplySent or PetitionState.Closed).ToList();
        return new OutcomeFigures(
            petitions.Count,
            petitions.Count(IsSettledAtSession),
            inWriting.Count,
            inWriting.Count(p => p.ReplySentOn is not null),
            inWriting.Count(p => p.LeadDepartmentId is null),
            open.Count - inWriting.Count,
            petitions.Count(IsWithdrawnOrMerged));
    }
}
