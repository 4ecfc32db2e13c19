namespace PhoChau.Core.Dialogues;

/// <summary>Draft → Announced → In session → Concluded → Closed (all follow-up done); Cancelled instead of deleting.</summary>
public enum DialogueState { Draft, Announced, InSession, Concluded, Closed, Cancelled }
