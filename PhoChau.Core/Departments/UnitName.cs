namespace PhoChau.Core.Departments;

/// <summary>The input of adding or renaming a department or a village.</summary>
public sealed record UnitName(string? Name)
{
    public const int MaxLength = 150;
}
