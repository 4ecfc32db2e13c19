namespace PhoChau.Portal.Features.Citizens;

/// <summary>
/// The hall first: anonymous requests to the citizens' pages (lookup, results, document check, phone registration,
/// rating and stop links) run on threads of lower priority (<see cref="PublicWorkLane"/>), at most
/// Public:ConcurrentRequests at once, the rest waiting their turn in order: whatever the public sends, the hall's hub
/// and the staff's screens get the cores first (results-day benchmark). More than Public:QueueLimit waiting: 503 with Retry-After, in Vietnamese. A turn covers
/// the work only: a request's body is read before it, the answer sent after it.
/// </summary>
public sealed class PublicWorkGate
{
    private static readonly string[] Prefixes = ["/tra-cuu", "/ket-qua", "/xac-minh", "/danh-gia", "/tin-nhan/dung"];
    private readonly SemaphoreSlim _gate;
    private readonly int _queueLimit;
    private readonly PublicWorkLane _lane;
    private int _waiting;

    public PublicWorkGate(IConfiguration configuration, PublicWorkLane lane)
    {
        _lane = lane;
        var permits = lane.Threads;
        _gate = new SemaphoreSlim(permits, permits);
        _queueLimit = Math.Max(1, configuration.GetValue("Public:QueueLimit", 2000));
    }

    public static readonly string Busy = RefusalPage.Html("Refused.Busy");

    public static bool IsPublicWork(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true) return false;
        var path = http.Request.Path;
        foreach (var prefix in Prefixes)
            if (path.StartsWithSegments(prefix) || path.Value?.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase) == true) return true;
        return path.StartsWithSegments("/sessions") && path.Value!.TrimEnd('/').EndsWith("/dang-ky", StringComparison.OrdinalIgnoreCase);
    }

    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (!IsPublicWork(http))
        {
            await next();
            return;
        }
        // A turn is for work, never for a slow link: the request's body is read before the turn is taken, and the page is
        // written into memory during it and sent after it. A stranger uploading or reading at 2G speed holds no turn.
        if (HttpMethods.IsPost(http.Request.Method) && (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0))
        {
            http.Request.EnableBuffering(bufferThreshold: 64 * 1024);
            try { await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted); }
            catch (OperationCanceledException) { return; } // the client went away while sending
            catch (BadHttpRequestException e)
            {
                http.Response.StatusCode = e.StatusCode;
                return;
            }
            http.Request.Body.Position = 0;
        }
        if (Interlocked.Increment(ref _waiting) > _queueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "30";
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Busy, http.RequestAborted);
            return;
        }
        try
        {
            await _gate.WaitAsync(http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _waiting);
            return; // the client went away while waiting: nothing to do for it
        }
        Interlocked.Decrement(ref _waiting);
        var original = http.Response.Body;
        using var page = new MemoryStream();
        http.Response.Body = page;
        try
        {
            try { await _lane.RunAsync(next); } // at a lower priority than the hall's threads
            finally { _gate.Release(); }
        }
        finally
        {
            http.Response.Body = original;
        }
        if (page.Length == 0) return;
        page.Position = 0;
        await page.CopyToAsync(original, http.RequestAborted);
    }
}
