using PhoChau.Core.Auditing;

namespace PhoChau.Core.Departments;

/// <summary>A village (thôn) of the commune; the administrator fills the list in.</summary>
public class Village : IAudited, INamedUnit, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
}
