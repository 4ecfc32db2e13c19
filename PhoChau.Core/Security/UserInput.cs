namespace PhoChau.Core.Security;

/// <summary>What an administrator types to create or edit an account; Password only when creating or resetting.</summary>
public sealed class UserInput
{
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Role { get; set; } = Roles.Viewer;
    public int? DepartmentId { get; set; }
    public string? Password { get; set; }
    /// <summary>Where reminders and the daily digest go (optional: without it, none).</summary>
    public string? Email { get; set; }
}
