namespace PhoChau.Core.Departments;

/// <summary>A named list entry an administrator maintains (a department or a village): renamed and deactivated, never deleted.</summary>
public interface INamedUnit
{
    int Id { get; }
    string Name { get; set; }
    bool IsActive { get; set; }
    int SortOrder { get; set; }
}
