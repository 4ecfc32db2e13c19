using PhoChau.Core.Text;
using PhoChau.Core.Auditing;
using PhoChau.Core.Choices;
using System.ComponentModel.DataAnnotations.Schema;

namespace PhoChau.Core.Petitions;

/// <summary>A petition, complaint or proposal (kiến nghị, phản ánh, đề xuất) raised for a dialogue.</summary>
public partial class Petition : IAudited, IVersioned, ICommuneOwned, IConsented, IMessageChoice
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int DialogueId { get; set; }
    /// <summary>
    /// Running number within the commune's year, across its dialogues and cluster sessions; with the year it forms
    /// <see cref="Code"/> (KN-2023-014), which is unique in the commune (issue 33.3).
    /// </summary>
    public int Number { get; set; }
    public string Code { get; set; } = "";
    /// <summary>
    /// The code it had before codes were made unique per commune and year, when another petition of the year had the
    /// same one: still found by the citizen's lookup (its PIN was issued on it) and the staff's search.
    /// </summary>
    public string? FormerCode { get; set; }
    public PetitionerKind PetitionerKind { get; set; }
    public string PetitionerName { get; set; } = "";
    /// <summary>Folded name for diacritic-insensitive search and Vietnamese name order.</summary>
    public string NameSortKey { get; set; } = "";
    public string SearchText { get; set; } = "";
    public int? VillageId { get; set; }
    /// <summary>
    /// The village as typed in the hall when it is not (yet) in the commune's list (issue 33.6: it was dropped and
    /// counted as "không rõ thôn"): kept, counted under its own name, and offered to the administrator to add.
    /// </summary>
    public string? VillageTyped { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>Personal data: never shown in lists.</summary>
    public string? IdCardNumber { get; set; }
    public PetitionChannel Channel { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public PetitionField Field { get; set; }
    public string? ProcedureName { get; set; }
    public string Text { get; set; } = "";
    public PetitionState State { get; private set; }

    /// <summary>
    /// A copy of a stored record in the state it was stored in (a snapshot, a report's row, demo data): not a
    /// change, which only <see cref="MoveTo"/> makes.
    /// </summary>
    internal void CopyStored(PetitionState state) => State = state;

    /// <summary>The one way the state changes: checked against <see cref="PetitionStateMachine"/>'s table.</summary>
    public void MoveTo(PetitionState to)
    {
        PetitionStateMachine.EnsureCanMove(State, to);
        State = to;
    }
    /// <summary>The one department that answers; supporting ones are in <see cref="PetitionSupport"/>.</summary>
    public int? LeadDepartmentId { get; set; }
    public DateTime? AssignedAtUtc { get; set; }
    /// <summary>Plan 4.1: the department's answer is due 7 working days before the session.</summary>
    public DateOnly? AnswerDueDate { get; set; }
    /// <summary>The department's prepared answer (drafted, then approved or returned).</summary>
    public string? Answer { get; set; }
    public DateTime? AnswerSubmittedAtUtc { get; set; }
    public string? AnswerSubmittedBy { get; set; }
    public DateTime? AnswerApprovedAtUtc { get; set; }
    public string? AnswerApprovedBy { get; set; }
    /// <summary>Why the chair or secretary returned the answer to the department.</summary>
    public string? ReturnComment { get; set; }

    /// <summary>At the session: the answer given and by whom (settled), or the department that must reply (not settled).</summary>
    public string? SessionAnswer { get; set; }
    public string? SessionAnsweredBy { get; set; }
    public DateTime? SessionOutcomeAtUtc { get; set; }
    /// <summary>Plan 4.3: a written reply within 10 working days after the session.</summary>
    public DateOnly? ReplyDueDate { get; set; }
    public string? ReplyText { get; set; }
    public DateTime? ReplyApprovedAtUtc { get; set; }
    public string? ReplyApprovedBy { get; set; }
    public DateOnly? ReplySentOn { get; set; }
    public ReplyChannel? ReplyChannel { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    public int? MergedIntoPetitionId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The citizen's tracking PIN, kept only as a keyed hash (<see cref="TrackingPin"/>); null until a receipt is issued.</summary>
    public string? PinHash { get; set; }
    public DateTime? PinIssuedAtUtc { get; set; }
    /// <summary>Wrong PINs tried on this code since its PIN was issued, from any address.</summary>
    public int PinFailures { get; set; }
    /// <summary>Set after too many wrong PINs: the code opens nothing until staff issue a new PIN.</summary>
    public DateTime? PinLockedAtUtc { get; set; }
    /// <summary>When the petitioner consented to the processing of their data for this petition (null: not recorded).</summary>
    public DateTime? ConsentAtUtc { get; set; }
    /// <summary>Who recorded the consent (the clerk's account, or the citizen on the phone form).</summary>
    public string? ConsentBy { get; set; }
    /// <summary>The purpose text shown to the petitioner when they consented, as it read then.</summary>
    public string? ConsentPurpose { get; set; }
    /// <summary>Personal data: the petitioner's e-mail, for messages when they agreed to e-mail.</summary>
    public string? Email { get; set; }
    /// <summary>The channels the petitioner agreed to be told by (SMS, Zalo to <see cref="Phone"/>; e-mail to <see cref="Email"/>).</summary>
    public bool NotifyBySms { get; set; }
    public bool NotifyByZalo { get; set; }
    public bool NotifyByEmail { get; set; }
    /// <summary>When that choice was last recorded (or withdrawn).</summary>
    public DateTime? NotifyChangedAtUtc { get; set; }
    /// <summary>When the petitioner's personal data was anonymised (a citizen's request or the retention period).</summary>
    public DateTime? AnonymisedAtUtc { get; set; }
    /// <summary>The sort and search keys, derived from the name, code, procedure and text: refreshed whenever those change.</summary>
    public void RefreshKeys()
    {
        NameSortKey = VietnameseText.NameSortKey(PetitionerName);
        SearchText = VietnameseText.Fold($"{Code} {FormerCode} {PetitionerName} {ProcedureName} {Text}");
    }

    /// <summary>The PIN just issued by this operation, never stored: shown once, on the receipt.</summary>
    [NotMapped]
    public string? IssuedPin { get; set; }
    public int Version { get; set; }
}
