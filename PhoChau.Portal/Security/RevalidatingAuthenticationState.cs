using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace PhoChau.Portal.Security;

/// <summary>
/// An open page (a circuit lives for hours) checks every few seconds that its user is still signed in: after a sign-out
/// elsewhere, a deactivation or a role change, the page becomes anonymous: its content goes and it leaves for the
/// sign-in page (the routes' RedirectToLogin), so nothing more is done in that user's name.
/// </summary>
public sealed class RevalidatingAuthenticationState(ILoggerFactory logs, SessionValidity validity)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        validity.IsCurrentAsync(state.User, ct);
}
