using PhoChau.Core.Auditing;

namespace PhoChau.Core.Dialogues;

/// <summary>A dialogue session between the Chairman and citizens (buổi đối thoại), plan section II.</summary>
public class Dialogue : IAudited, IVersioned, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>"Số …/KH-UBND" of the plan that orders it.</summary>
    public string PlanNumber { get; set; } = "";
    public DateOnly? PlanDate { get; set; }
    public int Year { get; set; }
    public int? Quarter { get; set; }
    /// <summary>Null until the date is fixed ("thời gian cụ thể sẽ có thông báo sau").</summary>
    public DateOnly? SessionDate { get; set; }
    /// <summary>
    /// The day the session was announced (moved to Announced); set again when its date changes after that, since
    /// the law's 7 days count from an announcement of the date that holds (art. 43, Law on Organisation of Local Government 2025).
    /// </summary>
    public DateOnly? AnnouncedOn { get; set; }
    /// <summary>Art. 43: the Fatherland Front committee co-organises; the People's Council's standing body co-chairs.</summary>
    public string CoOrganiserName { get; set; } = "";
    public string CoOrganiserTitle { get; set; } = "";
    public string CoChairName { get; set; } = "";
    public string CoChairTitle { get; set; } = "";
    public DialogueForm Form { get; set; }
    public string OnlineLink { get; set; } = "";
    public DialogueReason Reason { get; set; }
    public DateOnly? VotersRequestDate { get; set; }
    public int? VotersRequestSignatures { get; set; }
    /// <summary>
    /// Set on one session of a dialogue held by village clusters (art. 43: it may be split by clusters of villages):
    /// the dialogue it is a session of. The session has its own hall and minutes; the dialogue's notice and report add them.
    /// </summary>
    public int? ParentId { get; set; }
    /// <summary>The cluster's name ("Cụm 1"), on a cluster session.</summary>
    public string ClusterName { get; set; } = "";
    /// <summary>A cluster session's villages (none on a dialogue that is not a cluster session).</summary>
    public List<ClusterVillage> ClusterVillages { get; set; } = [];
    public TimeOnly? StartTime { get; set; }
    public string Venue { get; set; } = "";
    public string ChairName { get; set; } = "";
    /// <summary>A Vice-chairman chairs by written authorisation (ủy quyền); its reference is kept.</summary>
    public bool ChairIsDelegated { get; set; }
    public string DelegationReference { get; set; } = "";
    public string SecretaryName { get; set; } = "";
    public DialogueState State { get; private set; }

    /// <summary>
    /// A copy of a stored record in the state it was stored in (a snapshot, a report's row, demo data): not a
    /// change, which only <see cref="MoveTo"/> makes.
    /// </summary>
    internal void CopyStored(DialogueState state) => State = state;

    /// <summary>The one way the state changes: checked against <see cref="DialogueStateMachine"/>'s table.</summary>
    public void MoveTo(DialogueState to)
    {
        DialogueStateMachine.EnsureCanMove(State, to);
        State = to;
    }
    /// <summary>Plan 4.2: speaking time per speaker; the chair's console counts it down.</summary>
    public int SpeakingTimeSeconds { get; set; } = 180;
    /// <summary>The programme, one step a line (plan 4.2 by default).</summary>
    public string Agenda { get; set; } = "";
    /// <summary>Index of the agenda step the hall is at (0-based), once in session.</summary>
    public int CurrentAgendaStep { get; set; }
    public DateTime? OpenedAtUtc { get; set; }
    /// <summary>
    /// Why the session was opened on another day than the announced one (issue 33.4): asked when it is, kept for the
    /// minutes; the announced date itself never changes (the law's 7-day notice keeps its record).
    /// </summary>
    public string? OpenedOffDayReason { get; set; }
    /// <summary>
    /// Touched by every change of the speaker queue, so the dialogue row's version guards the whole queue:
    /// two operators acting at once cannot both save on the same state.
    /// </summary>
    public DateTime? QueueChangedAtUtc { get; set; }
    public DateTime? ConcludedAtUtc { get; set; }
    /// <summary>The chair's conclusion (plan 4.2, step 5), the source of the notice of conclusions.</summary>
    public string Conclusion { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<DialogueDeadline> Deadlines { get; set; } = [];

    /// <summary>
    /// The one session date every document carries: the day the session was opened once it was held, else the
    /// planned day (a method, not a property, so that it is not mapped).
    /// </summary>
    public DateOnly? HeldOn() => OpenedAtUtc is { } opened ? DateOnly.FromDateTime(opened.Add(VietnamTime.Offset)) : SessionDate;

    /// <summary>The session took place: concluded, or closed after its follow-up (a method: not mapped).</summary>
    public bool WasHeld() => State is DialogueState.Concluded or DialogueState.Closed;
}
