namespace PhoChau.Portal.Components.Shared;

public sealed record UnitRow(int Id, string Name, bool IsActive);
