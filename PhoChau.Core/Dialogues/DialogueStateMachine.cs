namespace PhoChau.Core.Dialogues;

/// <summary>The one place listing a dialogue's allowed transitions; a refused one says why.</summary>
public static class DialogueStateMachine
{
    private static readonly Dictionary<DialogueState, DialogueState[]> Allowed = new()
    {
        [DialogueState.Draft] = [DialogueState.Announced, DialogueState.Cancelled],
        [DialogueState.Announced] = [DialogueState.Draft, DialogueState.InSession, DialogueState.Cancelled],
        [DialogueState.InSession] = [DialogueState.Concluded],
        [DialogueState.Concluded] = [DialogueState.Closed],
        [DialogueState.Closed] = [],
        [DialogueState.Cancelled] = [],
    };

    public static bool CanMove(DialogueState from, DialogueState to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(DialogueState from, DialogueState to)
    {
        if (!CanMove(from, to))
            throw new DomainException(CoreText.Format("Dialogues.Transition", StateName(from), StateName(to)));
    }

    /// <summary>Details (date, place, programme) may change until the session opens.</summary>
    public static bool IsEditable(DialogueState s) => s is DialogueState.Draft or DialogueState.Announced;

    /// <summary>The state in the user's language (CoreText "DialogueState.*").</summary>
    public static string StateName(DialogueState s) => CoreText.Get("DialogueState." + s);

    /// <summary>The state as Vietnamese documents and reports write it, whatever the user's language.</summary>
    public static string DocumentStateName(DialogueState s) => CoreText.Format(CoreText.Vietnamese, "DialogueState." + s);
}
