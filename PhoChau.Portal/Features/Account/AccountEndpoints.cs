using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Antiforgery;
using PhoChau.Core.Security;

namespace PhoChau.Portal.Features.Account;

/// <summary>
/// Sign-in, sign-out and the language switch: plain form posts, because a cookie can only be
/// set on an HTTP response, never from an interactive circuit.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", async (HttpContext http, SignInManager<AppUser> signIn, ILoggerFactory logs) =>
        {
            // A form without a valid antiforgery token (a forged cross-site post) is refused before it is read.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return Results.BadRequest("Phiên làm việc đã hết hạn. Vui lòng tải lại trang đăng nhập.");
            var form = await http.Request.ReadFormAsync();
            string? userName = form["userName"], password = form["password"];
            var back = SafeReturnUrl(form["returnUrl"]);
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
                return Results.LocalRedirect(LoginUrl("empty", back, userName));
            var result = await signIn.PasswordSignInAsync(userName.Trim().ToLowerInvariant(), password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return Results.LocalRedirect(back);
            logs.CreateLogger("PhoChau.Account").LogWarning("Failed sign-in for {User} (locked out: {Locked})", userName, result.IsLockedOut);
            return Results.LocalRedirect(LoginUrl(result.IsLockedOut ? "locked" : "invalid", back, userName));
        }).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        app.MapGet("/culture", (string? culture, string? redirectUri, HttpContext http) =>
        {
            if (culture is not null && PortalApp.Cultures.Contains(culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeReturnUrl(redirectUri));
        }).AllowAnonymous();
    }

    private static string LoginUrl(string error, string returnUrl, string? userName) =>
        $"/account/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}&user={Uri.EscapeDataString(userName ?? "")}";

    /// <summary>Only paths of this portal: an open redirect would let a link send a user elsewhere after sign-in.</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
