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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "SAMEORIGIN";
        return next(context);
    });
}
