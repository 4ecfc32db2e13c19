namespace PhoChau.Core.Dialogues;

public sealed record DialogueSummary(int Id, string Title, int Year, DateOnly? SessionDate, TimeOnly? StartTime, string Venue, DialogueState State);
