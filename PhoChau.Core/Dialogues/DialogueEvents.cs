namespace PhoChau.Core.Dialogues;

/// <summary>The last of the law's channels is recorded: a dialogue's results are published (issue 34.3).</summary>
public sealed record ResultsPublished(int DialogueId, DateTime AtUtc) : IDomainEvent;
