using PhoChau.Core.Auditing;

namespace PhoChau.Core.Petitions;

/// <summary>
/// A reusable answer or reply text for a field and/or a department, with placeholders ({ten_nguoi_kien_nghi},
/// {ma_kien_nghi}, …) filled from the petition when picked; the filled text stays editable.
/// </summary>
public class AnswerTemplate : IAudited, IVersioned, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public PetitionField? Field { get; set; }
    public int? DepartmentId { get; set; }
    public string Body { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
