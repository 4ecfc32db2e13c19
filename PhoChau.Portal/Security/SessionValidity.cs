using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PhoChau.Portal.Security;

/// <summary>
/// Whether a signed-in principal still stands: the account exists, is active, is not locked, and its security stamp is
/// the one in the sign-in (sign-out, deactivation, a password or role change all give a new stamp). Cookies are checked
/// on every request already; this serves what outlives a request: a Blazor circuit and a hub connection.
/// </summary>
public sealed class SessionValidity(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var found = await users.GetUserAsync(user);
        if (found is null || !found.IsActive || await users.IsLockedOutAsync(found)) return false;
        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(found);
    }
}
