namespace PhoChau.Core.Petitions;

/// <summary>A petition as one user may see it: personal data blanked for roles that may not see it.</summary>
public sealed record PetitionDetails(
    Petition Petition,
    string? VillageName,
    string? LeadDepartmentName,
    IReadOnlyList<int> SupportingDepartmentIds,
    IReadOnlyList<PetitionAttachment> Attachments,
    bool ShowsPersonalData,
    Calendar.DueStatus? AnswerDue);
