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
    public bool IsPointOfOrder { get; set; }
    public DateTime RegisteredAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public string Summary { get; set; } = "";
    public string AnswerGiven { get; set; } = "";
    public int Version { get; set; }
}
