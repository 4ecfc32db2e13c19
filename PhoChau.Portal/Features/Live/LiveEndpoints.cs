using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PhoChau.Core.Speakers;
using PhoChau.Portal.Features.Citizens;

namespace PhoChau.Portal.Features.Live;

/// <summary>
/// The public live page of a session (issue 35): <c>/truc-tiep/{id}</c> is plain HTML (a few kilobytes, no Blazor
/// circuit, no web font: a cheap phone on 2G/3G) that shows the session as it is; <c>/truc-tiep/{id}/su-kien</c> is its
/// Server-Sent Events stream, which the page's script (<c>js/live.js</c>) follows and the browser reconnects by itself.
/// An unknown, draft, cancelled or other commune's session is a 404.
/// </summary>
public static class LiveEndpoints
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static void MapLiveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/truc-tiep/{id:int}", async (int id, string? ban, string? chieu, LiveFeed feed, SpeakerRequestService requests,
            IOptions<LiveOptions> options, LiveStream stream, IStringLocalizer<LiveText> text, HttpContext http) =>
        {
            if (await feed.CurrentAsync(id, http.RequestAborted) is not { } view) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            // A citizen's own link (?ban=…, from the phone form): their request's panel too. A wrong key shows the page alone.
            RemoteRequest? me = null;
            string? token = null;
            if (ban is not null && LinkKey.TryParse(ban, out var requestId, out token))
                me = await requests.OfLinkAsync(id, requestId, token, http.RequestAborted);
            var heard = me is null ? null : options.Value.CallRoom is { Length: > 0 } room
                ? new Heard(string.Format(CultureInfo.InvariantCulture, room, id, token), null) : new Heard(null, me.Phone);
            var sound = options.Value.Stream is { Length: > 0 } address ? (address, (await stream.GetAsync(http.RequestAborted)).Up) : ((string, bool)?)null;
            return Results.Content(Page(view, text, me is null ? null : (ban!, heard!), sound, options.Value, projector: chieu == "1"), "text/html; charset=utf-8");
        }).AllowAnonymous();

        // Where a citizen's own request stands (pending, accepted as which speaker, rejected): their page asks until it knows.
        endpoints.MapGet("/truc-tiep/{id:int}/ban/{key}", async (int id, string key, SpeakerRequestService requests, HttpContext http) =>
        {
            if (!LinkKey.TryParse(key, out var requestId, out var token) || await requests.OfLinkAsync(id, requestId, token, http.RequestAborted) is not { } me)
                return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { st = me.Status.ToString(), sid = me.SpeakerId });
        }).AllowAnonymous();

        endpoints.MapGet("/truc-tiep/{id:int}/su-kien", async (int id, LiveFeed feed, IHostApplicationLifetime lifetime, HttpContext http) =>
        {
            // The stream ends when the viewer leaves or the portal stops: a restart must not wait for the phones, which
            // come back by themselves.
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var ct = ending.Token;
            if (await feed.CurrentAsync(id, ct) is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Accel-Buffering"] = "no"; // a reverse proxy must pass each change at once
            await http.Response.WriteAsync("retry: 2000\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            try
            {
                await foreach (var message in feed.FollowAsync(id, ct))
                {
                    await http.Response.WriteAsync(message == LiveFeed.Beat ? "event: ping\ndata: \n\n" : "data: " + message + "\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // the viewer left, or the portal stops
            }
        }).AllowAnonymous();

        // Any other address under /truc-tiep (a malformed number, a probe) is plainly not found.
        endpoints.MapGet("/truc-tiep/{**rest}", () => Results.NotFound()).AllowAnonymous();
    }

    /// <summary>The page as the session stands: readable without the script, which then keeps it live.</summary>
    /// <summary>How a citizen following online is heard when called: a call room's link, or a call back on their number.</summary>
    internal sealed record Heard(string? Room, string? Phone);

    internal static string Page(LiveSession v, IStringLocalizer<LiveText> words, (string Key, Heard Heard)? me = null,
        (string Address, bool Up)? sound = null, LiveOptions? live = null, bool projector = false)
    {
        string T(string key) => Encoder.Encode(words["Live." + key]);
        string E(string? s) => Encoder.Encode(s ?? "");
        var when = v.SessionDate is { } date
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + (v.StartTime is { } t ? " " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : "")
            : "";
        var sb = new StringBuilder(6000);
        sb.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(string.Format(CultureInfo.CurrentCulture, words["Live.Title"], v.Title))).Append("</title><style>")
            .Append("body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;margin:0;background:#f4f6f8;color:#1b1b1b;line-height:1.45}")
            .Append("main{max-width:40rem;margin:0 auto;padding:.75rem}h1{font-size:1.25rem;margin:.25rem 0}h2{font-size:1rem;margin:0 0 .4rem;color:#0d47a1}")
            .Append("section{background:#fff;border-radius:8px;padding:.75rem;margin:.6rem 0;box-shadow:0 1px 2px #0002}")
            .Append("#status{font-size:.85rem;color:#2e7d32}#status.off{color:#b71c1c}.big{font-size:1.2rem;font-weight:600}")
            .Append("#timer{font-variant-numeric:tabular-nums;font-size:1.4rem;font-weight:700;color:#0d47a1}#timer.over{color:#b71c1c}")
            .Append("ol,ul{margin:0;padding-left:1.25rem}li{margin:.2rem 0}.muted{color:#555}a{color:#0d47a1}#video iframe{width:100%;aspect-ratio:16/9;border:0}")
            // ?chieu=1: a cluster's hall projects the main hall's page (1280×720): large type, two columns.
            .Append("body.chieu main{max-width:none;columns:2;column-gap:1rem;font-size:1.45rem}body.chieu h1{font-size:2rem}")
            .Append("body.chieu h2{font-size:1.3rem}body.chieu .big{font-size:2rem}body.chieu #timer{font-size:2.6rem}body.chieu section{break-inside:avoid}")
            .Append("</style></head><body").Append(projector ? " class=\"chieu\"" : "").Append("><main id=\"live\" data-testid=\"live\" data-session=\"").Append(v.DialogueId.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-unassigned=\"").Append(T("Unassigned")).Append("\" data-nobody=\"").Append(T("NoOneSpeaking"))
            .Append("\" data-nowait=\"").Append(T("NoOneWaiting")).Append("\" data-more=\"").Append(T("MoreWaiting"))
            .Append("\" data-nopet=\"").Append(T("NoPetitions")).Append("\" data-step=\"").Append(T("AgendaStep"))
            .Append("\" data-on=\"").Append(T("Connected")).Append("\" data-off=\"").Append(T("Reconnecting"))
            .Append("\" data-beat=\"").Append((live ?? new LiveOptions()).Heartbeat.TotalSeconds.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-over=\"").Append(T("OverTime")).Append("\" data-po=\"").Append(T("PointOfOrder")).Append("\">");
        sb.Append("<h1>").Append(E(v.Title)).Append("</h1><p class=\"muted\">")
            .Append(E(string.Format(CultureInfo.CurrentCulture, words["Live.When"], when, v.Venue))).Append(" · <span id=\"state\" data-testid=\"live-state\">")
            .Append(E(v.StateName)).Append("</span></p><p id=\"status\" role=\"status\" aria-live=\"polite\">").Append(T("NoScript")).Append("</p>");
        if (me is { } mine)
        {
            sb.Append("<section id=\"me\" data-testid=\"live-me\" data-key=\"").Append(E(mine.Key)).Append("\" data-pending=\"").Append(T("MePending"))
                .Append("\" data-accepted=\"").Append(T("MeAccepted")).Append("\" data-rejected=\"").Append(T("MeRejected"))
                .Append("\" data-done=\"").Append(T("MeDone")).Append("\"><h2>").Append(T("Me")).Append("</h2><p id=\"me-state\" data-testid=\"live-me-state\">")
                .Append(T("MePending")).Append("</p><div id=\"me-turn\" data-testid=\"live-me-turn\" hidden><p class=\"big\">").Append(T("MeTurn")).Append("</p><p>");
            if (mine.Heard.Room is { } room)
                sb.Append("<a href=\"").Append(E(room)).Append("\" target=\"_blank\" rel=\"noopener\" data-testid=\"live-me-join\">").Append(T("MeJoin")).Append("</a>");
            else
                sb.Append("<span data-testid=\"live-me-callback\">").Append(E(string.Format(CultureInfo.CurrentCulture, words["Live.MeCallBack"], mine.Heard.Phone))).Append("</span>");
            sb.Append("</p></div></section>");
        }
        if (sound is { } s)
            // The stream server plays it, not the portal; the page says plainly when it is down (see live.js).
            sb.Append("<section><h2>").Append(T("Sound")).Append("</h2><audio id=\"sound\" controls preload=\"none\" src=\"").Append(E(s.Address))
                .Append("\" data-testid=\"live-audio\"></audio><p id=\"sound-state\" data-testid=\"live-sound-state\" data-playing=\"").Append(T("SoundPlaying"))
                .Append("\" data-down=\"").Append(T("SoundDown")).Append("\" data-loading=\"").Append(T("SoundLoading")).Append("\">")
                .Append(s.Up ? T("SoundReady") : T("SoundDown")).Append("</p></section>");
        if (live?.Video is { Length: > 0 } video && Uri.TryCreate(video, UriKind.Absolute, out var videoUri) && videoUri.Scheme is "http" or "https")
        {
            // Picture from the province's channel: a link always; the player only when asked for (live.js), never on load.
            sb.Append("<section><h2>").Append(T("Video")).Append("</h2><p><a href=\"").Append(E(videoUri.AbsoluteUri))
                .Append("\" target=\"_blank\" rel=\"noopener\" data-testid=\"live-video-link\">").Append(T("VideoOpen")).Append("</a>");
            if (live.VideoEmbed() is { } embed)
                sb.Append(" <button type=\"button\" id=\"video-show\" data-testid=\"live-video-show\" data-src=\"").Append(E(embed.Player))
                    .Append("\" data-title=\"").Append(T("Video")).Append("\" hidden>").Append(T("VideoShow")).Append("</button>");
            sb.Append("</p><div id=\"video\" data-testid=\"live-video\"></div></section>");
        }
        sb.Append("<section><h2>").Append(T("Agenda")).Append("</h2><p id=\"agenda\" data-testid=\"live-agenda\">")
            .Append(v.AgendaStep is { } step ? E(string.Format(CultureInfo.CurrentCulture, words["Live.AgendaStep"], v.AgendaIndex + 1, v.AgendaCount, step)) : "—")
            .Append("</p></section>");
        sb.Append("<section><h2>").Append(T("Speaking")).Append("</h2><p id=\"speaking\" class=\"big\" data-testid=\"live-speaking\">")
            .Append(v.Speaking is { } sp ? E(sp.Label) : T("NoOneSpeaking")).Append("</p><p><span class=\"muted\">").Append(T("TimeLeft"))
            .Append(":</span> <span id=\"timer\" data-testid=\"live-timer\">—</span></p></section>");
        sb.Append("<section><h2>").Append(T("Next")).Append("</h2><ol id=\"next\" data-testid=\"live-next\">");
        foreach (var n in v.Next) sb.Append("<li>").Append(E(n.Label)).Append("</li>");
        sb.Append("</ol><p id=\"more\" class=\"muted\">");
        if (v.Next.Count == 0) sb.Append(T("NoOneWaiting"));
        else if (v.Waiting > v.Next.Count) sb.Append(E(string.Format(CultureInfo.CurrentCulture, words["Live.MoreWaiting"], v.Waiting - v.Next.Count)));
        sb.Append("</p><p class=\"muted\">").Append(T("Latest")).Append(": <span id=\"latest\" data-testid=\"live-latest\">")
            .Append(v.Latest is { } latest ? E(latest.Label) : "—").Append("</span></p></section>");
        sb.Append("<section><h2>").Append(T("Petitions")).Append("</h2><ul id=\"petitions\" data-testid=\"live-petitions\">");
        foreach (var p in v.Petitions)
            sb.Append("<li data-id=\"").Append(p.Id.ToString(CultureInfo.InvariantCulture)).Append("\"><b>").Append(E(p.Code)).Append("</b> — ")
                .Append(E(p.Field)).Append(": ").Append(p.Department is { } d ? E(d) : T("Unassigned")).Append(" (").Append(E(p.State)).Append(")</li>");
        sb.Append("</ul>").Append(v.Petitions.Count == 0 ? "<p id=\"nopet\" class=\"muted\">" + T("NoPetitions") + "</p>" : "").Append("</section>");
        sb.Append("<section id=\"end\"").Append(v.IsOver ? "" : " hidden").Append("><h2>").Append(T("Conclusion")).Append("</h2><p id=\"conclusion\" data-testid=\"live-conclusion\">")
            .Append(E(v.Conclusion)).Append("</p><p><a href=\"").Append(E(v.ResultsAddress)).Append("\" data-testid=\"live-results\">").Append(T("Results")).Append("</a></p></section>");
        sb.Append("</main><script src=\"/js/live.js\" defer></script></body></html>");
        return sb.ToString();
    }
}
