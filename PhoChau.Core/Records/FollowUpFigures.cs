using PhoChau.Core.Petitions;

namespace PhoChau.Core.Records;

/// <summary>The follow-up counts of one department's petitions on a given day (plan 4.3: replies within 10 working days).</summary>
public sealed record FollowUpFigures(int Assigned, int SettledAtSession, int RepliedOnTime, int RepliedLate, int Overdue, int Pending)
{
    public static FollowUpFigures Of(IReadOnlyCollection<Petition> petitions, DateOnly today) => new(
        petitions.Count,
        petitions.Count(OutcomeFigures.IsSettledAtSession),
        petitions.Count(p => p.ReplySentOn is { } sent && p.ReplyDueDate is { } due && sent <= due),
        petitions.Count(p => p.ReplySentOn is { } sent && p.ReplyDueDate is { } due && sent > due),
        petitions.Count(p => IsOverdue(p, today)),
        petitions.Count(p => IsAwaitingReply(p) && !IsOverdue(p, today)));

    /// <summary>Not settled at the session and no written reply sent yet.</summary>
    public static bool IsAwaitingReply(Petition p) => p.State == PetitionState.NotSettled && p.ReplySentOn is null;

    /// <summary>Awaiting its written reply past the replies' deadline.</summary>
    public static bool IsOverdue(Petition p, DateOnly today) => IsAwaitingReply(p) && p.ReplyDueDate is { } due && due < today;
}
