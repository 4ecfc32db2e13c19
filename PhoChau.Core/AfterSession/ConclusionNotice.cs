using PhoChau.Core.Auditing;

namespace PhoChau.Core.AfterSession;

/// <summary>The notice of the chair's conclusions (thông báo kết luận, TB-UBND), due 5 working days after the session (plan 4.3).</summary>
public class ConclusionNotice : IAudited, IVersioned, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int DialogueId { get; set; }
    /// <summary>"12/TB-UBND": the number and symbol given when issued.</summary>
    public string Number { get; set; } = "";
    public DateOnly? IssuedOn { get; set; }
    public string Content { get; set; } = "";
    public NoticeState State { get; private set; }

    /// <summary>The one way the state changes: checked against <see cref="NoticeStateMachine"/>'s table.</summary>
    public void MoveTo(NoticeState to)
    {
        NoticeStateMachine.EnsureCanMove(State, to);
        State = to;
    }
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedBy { get; set; }
    public int Version { get; set; }
}
