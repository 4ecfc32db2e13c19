using PhoChau.Portal.Features.Live;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>
/// The public pages' limits, per address, with ASP.NET Core's rate limiters. The lookup counts only failed tries
/// (Public:LookupFailuresPer10Minutes, default 10): a citizen who reads their petition every day is never stopped, a
/// script guessing PINs is after ten misses. The speaker form (Public:RegistrationsPer10Minutes, default 5 posts)
/// goes through the rate-limiting middleware; its pages themselves can be opened freely.
/// </summary>
public sealed class PublicThrottle : IDisposable
{
    public const string FormPolicy = "public-form";
    public const string UploadPolicy = "public-upload";
    private readonly PartitionedRateLimiter<string> _lookupFailures;

    public PublicThrottle(IConfiguration configuration)
    {
        var limit = Math.Max(1, configuration.GetValue("Public:LookupFailuresPer10Minutes", 10));
        _lookupFailures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address,
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10, QueueLimit = 0 }));
    }

    /// <summary>True once this address has used up its failed tries: it is refused until the oldest leave the window.</summary>
    public bool LookupRefused(string address) => _lookupFailures.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    public void LookupFailed(string address)
    {
        using var _ = _lookupFailures.AttemptAcquire(address);
    }

    public void Dispose() => _lookupFailures.Dispose();

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>
/// Posts from one address in a sliding window of ten minutes (<paramref name="setting"/>, else
/// <paramref name="perTenMinutes"/>); opening the page is not counted. Past it: 429 and a page in Vietnamese.
/// </summary>
public abstract class PerAddressPostLimit(IConfiguration configuration, string setting, int perTenMinutes) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "600";
        context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
        await context.HttpContext.Response.WriteAsync(PublicPages.TooMany, ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("open");
        var limit = Math.Max(1, configuration.GetValue(setting, perTenMinutes));
        return RateLimitPartition.GetSlidingWindowLimiter(PublicThrottle.AddressOf(http),
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10, QueueLimit = 0 });
    }
}

/// <summary>Posts of the public speaker form.</summary>
public sealed class PublicFormRateLimit(IConfiguration configuration) : PerAddressPostLimit(configuration, "Public:RegistrationsPer10Minutes", 5);

/// <summary>Files posted to the public document check: each costs a parse of up to 20 MB.</summary>
public sealed class PublicUploadRateLimit(IConfiguration configuration) : PerAddressPostLimit(configuration, "Public:UploadsPer10Minutes", 20);

public static class PublicPages
{
    /// <summary>The whole answer when a phone is over the limit: no page around it, nothing read from the database.</summary>
    public static readonly string TooMany = RefusalPage.Html("Refused.Public");

    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddSingleton<PublicThrottle>();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<IPublicSite>(sp => sp.GetRequiredService<PublicAddress>());
        services.AddSingleton<PublicFormRateLimit>();
        services.AddSingleton<PublicUploadRateLimit>();
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy<string, PublicFormRateLimit>(PublicThrottle.FormPolicy);
            o.AddPolicy<string, PublicUploadRateLimit>(PublicThrottle.UploadPolicy);
        });
        services.AddScoped<ReceiptHandoff>(); // the receipt a save hands to the next page, printed once
        services.AddSingleton<ResultsHtml>();
        services.AddSingleton<LiveFeed>(); // the public live pages: one view per change, many viewers
        services.AddHostedService<LiveAudienceSampler>(); // their peaks, for the minutes and the report
        services.AddSingleton<RemoteAnswerWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<RemoteAnswerWatch>()); // remote speakers who do not answer
        services.AddSingleton<LiveStream>(); // the hall's sound: the stream server's status
        services.AddHttpClient(nameof(LiveStream));
        services.AddSingleton<PublicWorkLane>();
        services.AddSingleton<PublicWorkGate>();
        return services;
    }
}
