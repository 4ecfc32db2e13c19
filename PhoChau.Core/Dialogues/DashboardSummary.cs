namespace PhoChau.Core.Dialogues;

public sealed record DashboardSummary(
    UpcomingDialogue? Upcoming,
    int OpenPetitions,
    int OverduePetitions,
    IReadOnlyList<OverdueItem> Overdue);

public sealed record UpcomingDialogue(int Id, string Title, DateOnly? SessionDate, TimeOnly? StartTime, string Venue, DialogueState State);

/// <summary>A deadline that has passed with its work not done: a petition's answer or a dialogue's deadline.</summary>
public sealed record OverdueItem(string What, string Reference, DateOnly DueDate);
