using PhoChau.Core.Auditing;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Speakers;

/// <summary>
/// A citizen's request to speak, sent from a phone while the session runs: pending until the secretary accepts it
/// into the queue (where it gets its place like any registration) or rejects it. Never shown on the chair's console
/// or the hall display while pending.
/// </summary>
public class SpeakerRequest : IAudited, IVersioned, ICommuneOwned, IConsented, IMessageChoice
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int DialogueId { get; set; }
    public string Name { get; set; } = "";
    public string VillageOrOrganisation { get; set; } = "";
    public string Topic { get; set; } = "";
    /// <summary>Agreed, on the phone form, to be named on the public live page.</summary>
    public bool NamedPublicly { get; set; }
    /// <summary>Follows the session online: heard from afar when called (a call room, or a call back on <see cref="Phone"/>).</summary>
    public bool FollowsOnline { get; set; }
    public string? Phone { get; set; }
    public SpeakerRequestStatus Status { get; private set; }

    /// <summary>The secretary's decision on a pending request (once: a decided request stays decided).</summary>
    public void Decide(SpeakerRequestStatus status, string decidedBy, DateTime nowUtc, int? speakerId)
    {
        if (Status != SpeakerRequestStatus.Pending || status == SpeakerRequestStatus.Pending) throw new DomainException(CoreText.Get("Requests.Decided"));
        Status = status;
        DecidedAtUtc = nowUtc;
        DecidedBy = decidedBy;
        SpeakerId = speakerId;
    }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public int? SpeakerId { get; set; }
    /// <summary>The citizen's e-mail, given only to be told by e-mail.</summary>
    public string? Email { get; set; }
    /// <summary>
    /// The channels the citizen agreed on the phone form to be told by. Asking to be told makes the request's topic a
    /// petition when it is accepted (<see cref="PetitionId"/>), carrying these choices and the consent given here.
    /// </summary>
    public bool NotifyBySms { get; set; }
    public bool NotifyByZalo { get; set; }
    public bool NotifyByEmail { get; set; }
    public int? PetitionId { get; set; }
    public DateTime? ConsentAtUtc { get; set; }
    public string? ConsentBy { get; set; }
    public string? ConsentPurpose { get; set; }
    public int Version { get; set; }
}

public enum SpeakerRequestStatus { Pending, Accepted, Rejected }
