// The record has Roles of its own.
using RoleNames = PhoChau.Core.Security.Roles;

namespace PhoChau.Core.Security;

/// <summary>Who performs a service operation: every Core service takes one and checks it.</summary>
public sealed record Actor(string UserId, string UserName, IReadOnlySet<string> Roles, int? DepartmentId = null)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsAny(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>For seeding and background work done by the portal itself.</summary>
    public static Actor System { get; } = new("system", "hệ thống", new HashSet<string> { RoleNames.Administrator });

    /// <summary>A citizen on a public page (no account): what it saves is recorded as the citizen's.</summary>
    public static Actor Citizen { get; } = new("citizen", "công dân", new HashSet<string>());
}
