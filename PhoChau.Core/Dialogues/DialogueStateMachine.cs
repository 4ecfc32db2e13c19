using PhoChau.Core.Common;

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
            throw new DomainException($"Không thể chuyển buổi đối thoại từ \"{StateName(from)}\" sang \"{StateName(to)}\".");
    }

    /// <summary>Details (date, place, programme) may change until the session opens.</summary>
    public static bool IsEditable(DialogueState s) => s is DialogueState.Draft or DialogueState.Announced;

    public static string StateName(DialogueState s) => s switch
    {
        DialogueState.Draft => "Dự thảo",
        DialogueState.Announced => "Đã thông báo",
        DialogueState.InSession => "Đang đối thoại",
        DialogueState.Concluded => "Đã kết luận",
        DialogueState.Closed => "Đã hoàn thành",
        DialogueState.Cancelled => "Đã hủy",
        _ => s.ToString(),
    };
}
