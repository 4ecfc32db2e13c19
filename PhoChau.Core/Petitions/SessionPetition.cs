namespace PhoChau.Core.Petitions;

/// <summary>A petition as the hall's screens show it; also the payload of the hub's PetitionChanged event.</summary>
public sealed record SessionPetition(
    int PetitionId, string Code, string PetitionerName, string Text, PetitionState State, int? DepartmentId, string? Department,
    DateOnly? Deadline, string? SessionAnswer, string? SessionAnsweredBy, string? PreparedAnswer);
