using PhoChau.Portal.Features.Live;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing by another site (clickjacking the chair's console),
/// no referrer leaving the portal, and a content policy that allows only the portal's own scripts, fonts and
/// connections (nothing comes from a CDN). MudBlazor sets inline styles, hence 'unsafe-inline' for styles only.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The policy, with the signing plugin's local origins (Signing:PluginOrigins, e.g. "http://127.0.0.1:8987
    /// ws://127.0.0.1:8987") allowed for its script and its connection when the commune uses one.
    /// </summary>
    public static string Policy(string? pluginOrigins)
    {
        var origins = string.Join(' ', (pluginOrigins ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(o => Uri.TryCreate(o, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "ws" or "wss" && u.PathAndQuery == "/"));
        return origins.Length == 0 ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("script-src 'self'", "script-src 'self' " + origins).Replace("connect-src 'self'", "connect-src 'self' " + origins);
    }

    /// <summary>The policy with the live page's sound stream (Live:Stream, e.g. the laptop's Icecast) allowed to play.</summary>
    public static string WithStream(string policy, string? stream) =>
        Uri.TryCreate(stream, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? policy.Replace("default-src 'self';", $"default-src 'self'; media-src 'self' {u.GetLeftPart(UriPartial.Authority)};")
            : policy;

    /// <summary>The policy with the live page's embedded video player (Live:Video on YouTube or Facebook) allowed in a frame.</summary>
    public static string WithVideo(string policy, string? video) =>
        new LiveOptions { Video = video }.VideoEmbed() is { } embed
            ? policy.Replace("default-src 'self';", $"default-src 'self'; frame-src 'self' {embed.Origin};")
            : policy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var policy = WithVideo(WithStream(Policy(configuration["Signing:PluginOrigins"]), configuration["Live:Stream"]), configuration["Live:Video"]);
        return app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = policy;
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "SAMEORIGIN";
        return next(context);
    });
    }
}
