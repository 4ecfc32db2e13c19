namespace PhoChau.Portal.Hosting;

/// <summary>
/// The live connections (/hubs/* and Blazor's /_blazor) accept only the portal's own origin, plus the ones listed
/// in Security:AllowedOrigins (a reverse proxy's public address). A page served from another origin, even another
/// port of the same host whose requests carry the signed-in chairman's cookie, is refused before a method runs.
/// Requests without an Origin header are not from a browser page (the .NET SignalR client, a TV box's script).
/// </summary>
public static class OriginCheck
{
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = new HashSet<string>(configuration.GetSection("Security:AllowedOrigins").Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);
        return app.UseWhen(IsLiveConnection, branch => branch.Use(async (context, next) =>
        {
            if (!IsAllowed(context.Request, allowed))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Nguồn truy cập không được phép / origin not allowed");
                return;
            }
            await next(context);
        }));
    }

    private static bool IsLiveConnection(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/_blazor");

    public static bool IsAllowed(HttpRequest request, IReadOnlySet<string> allowed)
    {
        if (!request.Headers.TryGetValue("Origin", out var values)) return true;
        var origin = values.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        if (origin == "null") return false; // sandboxed frames, file:// pages
        if (allowed.Contains(origin.TrimEnd('/'))) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
               && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
               && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
