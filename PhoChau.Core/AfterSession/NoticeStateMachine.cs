namespace PhoChau.Core.AfterSession;

/// <summary>
/// The one place listing the conclusion notice's moves: a draft is approved by the chair, then issued with its number;
/// an edit sends an approved text back to draft; an issued notice is final.
/// </summary>
public static class NoticeStateMachine
{
    private static readonly Dictionary<NoticeState, NoticeState[]> Allowed = new()
    {
        [NoticeState.Draft] = [NoticeState.Draft, NoticeState.Approved],
        [NoticeState.Approved] = [NoticeState.Draft, NoticeState.Issued],
        [NoticeState.Issued] = [],
    };

    public static bool CanMove(NoticeState from, NoticeState to) => Allowed[from].Contains(to);

    /// <summary>Refuses a move the table does not allow, with the reason a clerk reads.</summary>
    public static void EnsureCanMove(NoticeState from, NoticeState to)
    {
        if (!CanMove(from, to))
            throw new DomainException(from switch
            {
                NoticeState.Issued when to == NoticeState.Issued => CoreText.Get("After.NoticeAlreadyIssued"),
                NoticeState.Issued => CoreText.Get("After.NoticeIssuedNoEdit"),
                _ when to == NoticeState.Approved => CoreText.Get("After.NoticeAlreadyApproved"),
                _ => CoreText.Get("After.NoticeNotApproved"),
            });
    }
}
