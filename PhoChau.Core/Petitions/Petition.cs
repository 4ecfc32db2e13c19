using PhoChau.Core.Auditing;
using PhoChau.Core.Common;

namespace PhoChau.Core.Petitions;

/// <summary>A petition, complaint or proposal (kiến nghị, phản ánh, đề xuất) raised for a dialogue.</summary>
public class Petition : IAudited, IVersioned
{
    public int Id { get; set; }
    public int DialogueId { get; set; }
    /// <summary>Running number within the dialogue; with the year it forms <see cref="Code"/> (KN-2023-014).</summary>
    public int Number { get; set; }
    public string Code { get; set; } = "";
    public PetitionerKind PetitionerKind { get; set; }
    public string PetitionerName { get; set; } = "";
    /// <summary>Folded name for diacritic-insensitive search and Vietnamese name order.</summary>
    public string NameSortKey { get; set; } = "";
    public string SearchText { get; set; } = "";
    public int? VillageId { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>Personal data: never shown in lists.</summary>
    public string? IdCardNumber { get; set; }
    public PetitionChannel Channel { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public PetitionField Field { get; set; }
    public string? ProcedureName { get; set; }
    public string Text { get; set; } = "";
    public PetitionState State { get; set; }
    public int? LeadDepartmentId { get; set; }
    public DateOnly? AnswerDueDate { get; set; }
    public string? Answer { get; set; }
    public int? MergedIntoPetitionId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
}
