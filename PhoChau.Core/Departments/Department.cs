using PhoChau.Core.Auditing;

namespace PhoChau.Core.Departments;

public class Department : IAudited, INamedUnit, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    /// <summary>Deactivated units stay on old records but cannot receive new work.</summary>
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
}
