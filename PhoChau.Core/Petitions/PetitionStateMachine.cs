namespace PhoChau.Core.Petitions;

/// <summary>
/// The one place that lists a petition's allowed transitions (issue "Before the session"):
/// Received → Assigned → Answer drafted → Answer approved → (session) Settled | Not settled → Reply sent → Closed;
/// Withdrawn or Merged from any open state. A refused transition says why, in Vietnamese.
/// </summary>
public static class PetitionStateMachine
{
    private static readonly Dictionary<PetitionState, PetitionState[]> Allowed = new()
    {
        [PetitionState.Received] = [PetitionState.Assigned, PetitionState.Withdrawn, PetitionState.Merged],
        // Reassigning keeps the state; returning a draft sends it back to Assigned.
        [PetitionState.Assigned] = [PetitionState.Assigned, PetitionState.AnswerDrafted, PetitionState.SettledAtSession, PetitionState.NotSettled, PetitionState.Withdrawn, PetitionState.Merged],
        [PetitionState.AnswerDrafted] = [PetitionState.AnswerApproved, PetitionState.Assigned, PetitionState.SettledAtSession, PetitionState.NotSettled, PetitionState.Withdrawn, PetitionState.Merged],
        [PetitionState.AnswerApproved] = [PetitionState.SettledAtSession, PetitionState.NotSettled, PetitionState.Assigned, PetitionState.Withdrawn, PetitionState.Merged],
        [PetitionState.SettledAtSession] = [PetitionState.Closed],
        [PetitionState.NotSettled] = [PetitionState.ReplySent, PetitionState.Withdrawn],
        [PetitionState.ReplySent] = [PetitionState.Closed],
        [PetitionState.Closed] = [],
        [PetitionState.Withdrawn] = [],
        [PetitionState.Merged] = [],
    };

    public static IReadOnlyList<PetitionState> NextStates(PetitionState from) => Allowed[from];

    public static bool CanMove(PetitionState from, PetitionState to) => Allowed[from].Contains(to);

    /// <summary>Null when allowed, else the Vietnamese reason.</summary>
    public static string? Refusal(PetitionState from, PetitionState to) => CanMove(from, to)
        ? null
        : CoreText.Format("Petitions.Transition", StateName(from), StateName(to));

    public static void EnsureCanMove(PetitionState from, PetitionState to)
    {
        if (Refusal(from, to) is { } why) throw new DomainException(why);
    }

    /// <summary>States in which a petition still waits for its department's answer.</summary>
    public static readonly PetitionState[] AwaitingAnswer = [PetitionState.Received, PetitionState.Assigned, PetitionState.AnswerDrafted];

    /// <summary>States whose petition is finished: no more work, no deadline.</summary>
    public static bool IsFinished(PetitionState s) => s is PetitionState.Closed or PetitionState.Withdrawn or PetitionState.Merged;

    /// <summary>The state in the user's language (CoreText "PetitionState.*").</summary>
    public static string StateName(PetitionState s) => CoreText.Get("PetitionState." + s);

    /// <summary>The state as Vietnamese documents and reports write it, whatever the user's language.</summary>
    public static string DocumentStateName(PetitionState s) => CoreText.Format(CoreText.Vietnamese, "PetitionState." + s);
}
