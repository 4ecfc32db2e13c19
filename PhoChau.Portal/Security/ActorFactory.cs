using System.Globalization;
using System.Security.Claims;

namespace PhoChau.Portal.Security;

public static class ActorFactory
{
    public static Actor FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return new Actor("", "", new HashSet<string>());
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var dept = user.FindFirstValue(PortalClaimsPrincipalFactory.DepartmentClaim);
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.Identity.Name ?? "",
            roles,
            dept is null ? null : int.Parse(dept, CultureInfo.InvariantCulture));
    }
}
