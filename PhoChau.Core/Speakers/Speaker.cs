using PhoChau.Core.Auditing;

namespace PhoChau.Core.Speakers;

/// <summary>A registered speaker of a session (đăng ký phát biểu), heard in registration order (plan 4.2).</summary>
public class Speaker : IAudited, IVersioned, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int DialogueId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public string VillageOrOrganisation { get; set; } = "";
    public string Topic { get; set; } = "";
    /// <summary>Agreed, when registering, to be named on the public live page; else shown there by number and village only.</summary>
    public bool NamedPublicly { get; set; }
    /// <summary>Follows the session online and is heard from afar (a request from a phone marked "Tôi theo dõi trực tuyến").</summary>
    public bool Remote { get; set; }
    public SpeakerStatus Status { get; private set; }

    /// <summary>
    /// A copy of a stored record in the status it was stored in (a snapshot, a report's row, demo data): not a
    /// change, which only <see cref="MoveTo"/> makes.
    /// </summary>
    internal void CopyStored(SpeakerStatus status) => Status = status;

    /// <summary>The one way the status changes: checked against <see cref="SpeakerStateMachine"/>'s table.</summary>
    public void MoveTo(SpeakerStatus to)
    {
        if (!SpeakerStateMachine.CanMove(Status, to)) throw new DomainException(CoreText.Format("Hall.CannotChangeStatus", Name));
        Status = to;
    }
    /// <summary>A remote speaker, once called: when the secretary had them heard in the hall (the call connected).</summary>
    public DateTime? AnsweredAtUtc { get; private set; }

    /// <summary>Called from afar and did not answer within the set time: marked absent, the chair moves on.</summary>
    public bool NoAnswer { get; private set; }

    /// <summary>The secretary has the remote speaker heard (the call room or the call back connected).</summary>
    public void Answered(DateTime nowUtc)
    {
        if (!Remote || Status != SpeakerStatus.Speaking) throw new DomainException(CoreText.Format("Hall.NotCalledFromAfar", Name));
        AnsweredAtUtc ??= nowUtc;
    }

    /// <summary>Whether a remote speaker called at <see cref="StartedAtUtc"/> is still unanswered after <paramref name="answerTime"/>.</summary>
    public bool IsUnanswered(DateTime nowUtc, TimeSpan answerTime) =>
        Remote && Status == SpeakerStatus.Speaking && AnsweredAtUtc is null && StartedAtUtc is { } called && nowUtc - called >= answerTime;

    /// <summary>No answer in the set time: absent, as one who is not in the hall when called.</summary>
    public void NotAnswered(DateTime nowUtc, TimeSpan answerTime)
    {
        if (!IsUnanswered(nowUtc, answerTime)) throw new DomainException(CoreText.Format("Hall.NotUnanswered", Name));
        MoveTo(SpeakerStatus.Absent);
        NoAnswer = true;
        EndedAtUtc = nowUtc;
    }

    /// <summary>A stored record's answer as stored (a snapshot's copy), not a change.</summary>
    internal void CopyAnswer(DateTime? answeredAtUtc, bool noAnswer) => (AnsweredAtUtc, NoAnswer) = (answeredAtUtc, noAnswer);

    public bool IsPointOfOrder { get; set; }
    public DateTime RegisteredAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public string Summary { get; set; } = "";
    public string AnswerGiven { get; set; } = "";
    public int Version { get; set; }
}
