namespace PhoChau.Core.Petitions;

public enum PetitionSort { ReceivedOn, Village, Name, Code }

/// <summary>The petition list's filters, search, order and page (all applied in the database).</summary>
public sealed record PetitionFilter
{
    public int? DialogueId { get; init; }
    public PetitionState? State { get; init; }
    public int? DepartmentId { get; init; }
    public int? VillageId { get; init; }
    public PetitionField? Field { get; init; }
    public bool OverdueOnly { get; init; }
    /// <summary>Numbers within the dialogue (KN-2026-031 is 31), both ends included: what one import saved.</summary>
    public int? NumberFrom { get; init; }
    public int? NumberTo { get; init; }
    public WorkStage? Stage { get; init; }
    /// <summary>Matched ignoring case and diacritics: "nguyen van a" finds "Nguyễn Văn A".</summary>
    public string? Search { get; init; }
    public PetitionSort Sort { get; init; } = PetitionSort.ReceivedOn;
    public bool Descending { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 25;
}
