using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PhoChau.Portal.Security;

/// <summary>Puts the full name and the officer's department in the cookie, so pages need no extra query.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string FullNameClaim = "phochau:fullname";
    public const string DepartmentClaim = "phochau:department";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        if (user.CommuneId is { } commune)
            identity.AddClaim(new Claim(CommuneClaims.Claim, commune.ToString(CultureInfo.InvariantCulture)));
        if (user.DepartmentId is { } dept)
            identity.AddClaim(new Claim(DepartmentClaim, dept.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
