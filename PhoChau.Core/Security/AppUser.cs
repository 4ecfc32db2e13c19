using Microsoft.AspNetCore.Identity;

namespace PhoChau.Core.Security;

public class AppUser : IdentityUser
{
    /// <summary>The commune the account works for; none for a province account.</summary>
    public int? CommuneId { get; set; } = CommuneScope.Default;

    public string FullName { get; set; } = "";

    /// <summary>Set for a DepartmentOfficer: the one department whose work the user sees.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>Users are deactivated, never deleted, so the audit trail keeps its names.</summary>
    public bool IsActive { get; set; } = true;
}
