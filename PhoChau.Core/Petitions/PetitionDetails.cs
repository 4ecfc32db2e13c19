using PhoChau.Core.Calendar;
using PhoChau.Core.Messages;

namespace PhoChau.Core.Petitions;

/// <summary>
/// A petition as one user may see it: personal data blanked and the citizen's own files left out for roles that
/// may not see them (<see cref="HiddenAttachments"/> says how many there are).
/// </summary>
public sealed record PetitionDetails(
    Petition Petition,
    string? VillageName,
    string? LeadDepartmentName,
    IReadOnlyList<int> SupportingDepartmentIds,
    IReadOnlyList<PetitionAttachment> Attachments,
    bool ShowsPersonalData,
    DueStatus? AnswerDue,
    int HiddenAttachments = 0)
{
    /// <summary>Messages to the petitioner that did not reach them (given up, or bounced), for whoever may see their data.</summary>
    public IReadOnlyList<UndeliveredMessage> Undelivered { get; init; } = [];
}

/// <summary>A message to a petitioner that did not reach them: on which channel and address, and why.</summary>
public sealed record UndeliveredMessage(MessageChannel Channel, string Recipient, MessageState State, string? Reason);
