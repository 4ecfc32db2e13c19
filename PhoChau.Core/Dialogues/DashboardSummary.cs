namespace PhoChau.Core.Dialogues;

public sealed record DashboardSummary(
    UpcomingDialogue? Upcoming,
    int OpenPetitions,
    int OverduePetitions,
    IReadOnlyList<OverdueItem> Overdue)
{
    /// <summary>What waits for the chair's approval (drafted answers and written replies, a drafted notice); empty for others.</summary>
    public IReadOnlyList<ApprovalItem> AwaitingApproval { get; init; } = [];
}

/// <summary>One thing the chair must approve: what, which, since when, and the page where it is approved.</summary>
public sealed record ApprovalItem(string What, string Reference, DateTime SinceUtc, string Link);

public sealed record UpcomingDialogue(int Id, string Title, DateOnly? SessionDate, TimeOnly? StartTime, string Venue, DialogueState State);

/// <summary>A deadline that has passed with its work not done: a petition's answer or a dialogue's deadline.</summary>
public sealed record OverdueItem(string What, string Reference, DateOnly DueDate);
