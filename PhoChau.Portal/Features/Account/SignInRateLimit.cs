using System.Threading.RateLimiting;

namespace PhoChau.Portal.Features.Account;

/// <summary>
/// At most Security:SignInPerMinute (default 10) sign-in posts a minute from one address, in a sliding window:
/// a person who mistypes gets through, a script that tries hundreds of names or passwords gets 429.
/// Behind a reverse proxy every request comes from the proxy's address: see the README (security).
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "signin";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Security:SignInPerMinute", 10);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => RateLimitPartition.GetSlidingWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(RefusalPage.Html("Refused.SignIn"), ct);
            };
        });
    }
}
