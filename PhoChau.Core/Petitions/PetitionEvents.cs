namespace PhoChau.Core.Petitions;

/// <summary>A petition was received (entered, or imported from paper forms): the petitioner may be told so.</summary>
public sealed record PetitionReceived(Petition Petition, DateTime AtUtc) : IDomainEvent;

/// <summary>The approved written reply reached the petitioner: they may be told where to read it and rate it.</summary>
public sealed record ReplySent(Petition Petition, DateTime AtUtc) : IDomainEvent;

/// <summary>
/// Petitions of a dialogue changed (assigned, answered, settled, replied to): the hall's screens that show them reload
/// them once the change is committed.
/// </summary>
public sealed record PetitionsChanged(int DialogueId, IReadOnlyList<int> PetitionIds) : IDomainEvent;

/// <summary>A petition's events (issue 34.3): raised by its own methods, handled by the save that writes it.</summary>
public partial class Petition : IRaisesDomainEvents
{
    private readonly RaisedEvents _events = new();

    /// <summary>
    /// The dialogue's deadlines moved: an unfinished petition waiting for its department's answer, or for a written
    /// reply, takes the new due date; a finished one keeps its own.
    /// </summary>
    public void FollowDeadlines(DateOnly? answersDue, DateOnly? repliesDue)
    {
        if (PetitionStateMachine.IsFinished(State)) return;
        if (State is PetitionState.Assigned or PetitionState.AnswerDrafted) AnswerDueDate = answersDue;
        if (State == PetitionState.NotSettled) ReplyDueDate = repliesDue;
    }

    /// <summary>Settled at the session: the answer given there and who gave it, for the minutes.</summary>
    public void SettleAtSession(string answer, string answeredBy, DateTime nowUtc)
    {
        MoveTo(PetitionState.SettledAtSession);
        SessionAnswer = answer;
        SessionAnsweredBy = answeredBy;
        SessionOutcomeAtUtc = nowUtc;
    }

    /// <summary>Not settled at the session: its department replies in writing by <paramref name="repliesDue"/>.</summary>
    public void LeaveForWrittenReply(DateOnly? repliesDue, DateTime nowUtc)
    {
        MoveTo(PetitionState.NotSettled);
        ReplyDueDate = repliesDue;
        SessionOutcomeAtUtc = nowUtc;
    }

    /// <summary>Received now: a new petition's state; the save tells the petitioner who chose a channel.</summary>
    public void MarkReceived(DateTime nowUtc) => Raise(new PetitionReceived(this, nowUtc));

    /// <summary>The approved reply was sent on <paramref name="sentOn"/> by <paramref name="channel"/>.</summary>
    public void RecordReplySent(DateOnly sentOn, ReplyChannel channel, DateTime nowUtc)
    {
        MoveTo(PetitionState.ReplySent);
        ReplySentOn = sentOn;
        ReplyChannel = channel;
        Raise(new ReplySent(this, nowUtc));
    }

    private void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    IReadOnlyList<IDomainEvent> IRaisesDomainEvents.TakeDomainEvents() => _events.Take();
}
