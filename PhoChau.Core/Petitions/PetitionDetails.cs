using PhoChau.Core.Calendar;

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
    int HiddenAttachments = 0);
