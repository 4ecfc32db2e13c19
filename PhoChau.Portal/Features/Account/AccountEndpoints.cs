using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Features.Account;

/// <summary>
/// Sign-in, sign-out and the language switch: plain form posts, because a cookie can only be set on an HTTP
/// response, never from an interactive circuit. Sign-in is rate-limited per address (<see cref="SignInRateLimit"/>)
/// and checked by <see cref="SignInGuard"/>; sign-out ends the session on the server (a new security stamp makes
/// every copy of the cookie worthless) and, like sign-in, needs the antiforgery token.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", async (HttpContext http, SignInGuard guard, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILoggerFactory logs, FirstAdminPassword firstAdmin) =>
        {
            // A form without a valid antiforgery token (a forged cross-site post) is refused before it is read.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !http.Request.HasFormContentType)
                return Results.BadRequest(PortalText.Get("Account.SessionExpired"));
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            string? userName = form["userName"], password = form["password"];
            var back = SafeReturnUrl(form["returnUrl"]);
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 100 || password.Length > 200)
                return Results.Redirect(LoginUrl("empty", back, userName));
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var check = await guard.CheckAsync(users, userName, password, address);
            if (check.Outcome == SignInOutcome.Succeeded)
            {
                await signIn.SignInAsync(check.User!, isPersistent: false);
                // The first administrator knows the generated password now: the file that kept it goes.
                if (firstAdmin.Read() is { } kept && kept.UserName == check.User!.UserName) firstAdmin.Forget();
                return Results.Redirect(back);
            }
            // User-typed text goes into the log as a value, without control characters that could forge lines.
            logs.CreateLogger("PhoChau.Account").LogWarning("Failed sign-in for {User} from {Address} ({Outcome})",
                LogText.Clean(userName), address, check.Outcome);
            return Results.Redirect(LoginUrl(check.Outcome == SignInOutcome.Locked ? "locked" : "invalid", back, userName));
        }).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute()).RequireRateLimiting(SignInRateLimit.Policy);

        app.MapPost("/account/logout", async (HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return Results.BadRequest(PortalText.Get("Account.SessionExpiredPage"));
            if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.Redirect("/account/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapGet("/culture", (string? culture, string? redirectUri, HttpContext http, TimeProvider clock) =>
        {
            if (culture is not null && PortalApp.Cultures.Contains(culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.Redirect(SafeReturnUrl(redirectUri));
        }).AllowAnonymous();
    }

    private static string LoginUrl(string error, string returnUrl, string? userName) =>
        $"/account/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}&user={Uri.EscapeDataString(LogText.Clean(userName ?? ""))}";

    /// <summary>
    /// Only paths of this portal: an open redirect would let a link send a user elsewhere after sign-in. A path with
    /// a control character ("/\t/evil.example", which browsers read as "//evil.example") or a backslash is refused too.
    /// </summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\') ? url : "/";
}
