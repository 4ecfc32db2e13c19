namespace PhoChau.Core.Petitions;

/// <summary>
/// A department's inbox in three parts: what it still has to do (an answer to draft, a returned draft, a written reply
/// to write), what waits for the chair's approval, and what is done.
/// </summary>
public enum WorkStage { ToDo, AwaitingApproval, Done }
