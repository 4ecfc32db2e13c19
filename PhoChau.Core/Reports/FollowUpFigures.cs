using PhoChau.Core.Petitions;

namespace PhoChau.Core.Reports;

/// <summary>The follow-up counts of one department's petitions on a given day (plan 4.3: replies within 10 working days).</summary>
public sealed record FollowUpFigures(int Assigned, int SettledAtSession, int RepliedOnTime, int RepliedLate, int Overdue, int Pending)
{
    public static FollowUpFigures Of(IReadOnlyCollection<Petition> petitions, DateOnly today) => new(
        petitions.Count,
        petitions.Count(OutcomeFigures.IsSettledAtSession),
        petitions.Count(p => p.ReplySentOn is { } sent && p.ReplyDueDate is { } due && sent <= due),
        petitions.Count(p => p.ReplySentOn is { } sent && p.ReplyDueDate is { } due && sent > due),
        petitions.Count(p => p.State == PetitionState.NotSettled && p.ReplySentOn is null && p.ReplyDueDate is { } due && due < today),
        petitions.Count(p => p.State == PetitionState.NotSettled && p.ReplySentOn is null && (p.ReplyDueDate is null || p.ReplyDueDate >= today)));
}
