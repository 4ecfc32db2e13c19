namespace PhoChau.Core.Dialogues;

/// <summary>The last of the law's channels is recorded: a dialogue's results are published (issue 34.3).</summary>
public sealed record ResultsPublished(int DialogueId, DateTime AtUtc) : IDomainEvent;

/// <summary>
/// A dialogue's deadlines were counted again (its date, its opening, the calendar or a rule changed): the answer and
/// reply due dates the petitions' work follows, read by the save's handlers once the dialogue has its id.
/// </summary>
public sealed record DeadlinesCounted(Dialogue Dialogue, DateOnly? AnswersDue, DateOnly? RepliesDue) : IDomainEvent;
