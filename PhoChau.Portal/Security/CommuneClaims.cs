using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;

namespace PhoChau.Portal.Security;

/// <summary>
/// The signed-in user's commune, put in the cookie by <see cref="PortalClaimsPrincipalFactory"/> and made the
/// <see cref="CommuneScope"/> of every request, circuit activity and hub call: the one place a user is tied to a commune.
/// </summary>
public static class CommuneClaims
{
    public const string Claim = "phochau:commune";

    /// <summary>An anonymous visitor (the public pages) sees the default commune; a province account, none.</summary>
    public static int Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated != true ? CommuneScope.Default
        : int.TryParse(user.FindFirstValue(Claim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : CommuneScope.None;

    public static IApplicationBuilder UseCommuneScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var commune = context.User.Identity?.IsAuthenticated == true ? Of(context.User) : await PublicCommuneAsync(context);
            // The citizens' lookup of no commune (an unknown or malformed ?xa=, or none on a province's server): 404,
            // never another commune's page.
            if (commune == CommuneScope.None && context.User.Identity?.IsAuthenticated != true && IsCommunesPublicPage(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            CommuneScope.Set(commune);
            await next(context);
        });

    /// <summary>
    /// The public pages that show one commune's records: the lookup, the published results (and their CSV, JSON), and
    /// the links of a citizen's messages (rate the reply, stop the messages).
    /// </summary>
    private static bool IsCommunesPublicPage(PathString path) =>
        path.StartsWithSegments("/tra-cuu", StringComparison.OrdinalIgnoreCase) || path.Value?.StartsWith("/ket-qua", StringComparison.OrdinalIgnoreCase) == true
        || path.StartsWithSegments("/danh-gia", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/tin-nhan/dung", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/truc-tiep", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A citizen has no account: the public page says whose it is. The phone form's session belongs to one commune; the
    /// lookup carries the commune's code (<c>?xa=</c>, printed in the receipt's QR code on a province's server). Without
    /// either, the single commune (the default) of a commune's laptop; an unknown or malformed code, or none on a
    /// province's server, no commune (the public pages then answer 404).
    /// </summary>
    private static async Task<int> PublicCommuneAsync(HttpContext context)
    {
        var communes = context.RequestServices.GetRequiredService<CommuneProfileService>();
        var code = context.Request.Query["xa"].ToString();
        if (context.Request.Path.Value?.Trim('/').Split('/') is ["sessions", var id, "dang-ky"]
            && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var dialogueId))
            return await communes.CommuneOfDialogueAsync(dialogueId, context.RequestAborted) ?? CommuneScope.Default;
        // The live page of a session (and its stream) is that session's commune's; an unknown session is no commune: 404.
        if (context.Request.Path.Value?.Trim('/').Split('/') is ["truc-tiep", var liveId, ..] && int.TryParse(liveId, NumberStyles.None, CultureInfo.InvariantCulture, out var live))
            return await communes.CommuneOfDialogueAsync(live, context.RequestAborted) ?? CommuneScope.None;
        // A code given is the commune's, or no commune at all: an unknown, empty or over-long one never falls back to
        // commune 1. Without a code, a province's server (several communes) cannot know whose page it is either.
        if (context.Request.Query.ContainsKey("xa"))
            return code.Length is > 0 and <= 20 ? await communes.CommuneByCodeAsync(code, context.RequestAborted) ?? CommuneScope.None : CommuneScope.None;
        // Only the lookup asks the database (sign-in, health probes and files never do: they work with the database gone).
        if (!IsCommunesPublicPage(context.Request.Path)) return CommuneScope.Default;
        return await communes.HasSeveralAsync(context.RequestAborted) ? CommuneScope.None : CommuneScope.Default;
    }
}

/// <summary>Each event of a Blazor circuit (a click, a key, the first render) runs as its user's commune.</summary>
public sealed class CommuneCircuitHandler(AuthenticationStateProvider auth) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            CommuneScope.Set(CommuneClaims.Of((await auth.GetAuthenticationStateAsync()).User));
            await next(context);
        };
}

/// <summary>Each call to /hubs/hall runs as the caller's commune: another commune's session is not found.</summary>
public sealed class CommuneHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        CommuneScope.Set(CommuneClaims.Of(context.Context.User));
        return next(context);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        CommuneScope.Set(CommuneClaims.Of(context.Context.User));
        return next(context);
    }
}
