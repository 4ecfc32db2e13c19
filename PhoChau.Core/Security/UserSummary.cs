namespace PhoChau.Core.Security;

public sealed record UserSummary(string Id, string UserName, string FullName, string Role, int? DepartmentId, bool IsActive, bool IsLockedOut, string? Email = null);
