namespace PhoChau.Core.Petitions;

/// <summary>One line of a petition list: never the ID-card number; the phone only for roles allowed to see it.</summary>
public sealed record PetitionRow(
    int Id, string Code, string PetitionerName, string? VillageName, string? Phone, DateOnly ReceivedOn,
    PetitionField Field, PetitionState State, string? DepartmentName, DateOnly? DueDate, int? WorkingDaysLeft, int Version);
