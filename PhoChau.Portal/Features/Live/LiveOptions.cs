using System.Web;

namespace PhoChau.Portal.Features.Live;

/// <summary>
/// The "Live" section of the configuration (issue 35): how a citizen who follows online is heard when called.
/// <see cref="CallRoom"/> is a call room's address with <c>{0}</c> for the session and <c>{1}</c> for the request's own
/// token (e.g. <c>https://meet.jit.si/phochau-{0}-{1}</c>: a room of one's own); without it, staff call the citizen
/// back on the number they gave.
/// </summary>
public sealed class LiveOptions
{
    public string? CallRoom { get; set; }

    /// <summary>How long a remote speaker has, once called, to be heard before being marked "không trả lời" (seconds).</summary>
    public int AnswerSeconds { get; set; } = 60;

    public TimeSpan AnswerTime => TimeSpan.FromSeconds(Math.Clamp(AnswerSeconds, 1, 600));

    /// <summary>
    /// How often a live page's stream says it is alive when the hall is quiet (seconds): a mobile link that drops without
    /// closing is noticed by the page (nothing for twice as long) and reopened.
    /// </summary>
    public int HeartbeatSeconds { get; set; } = 15;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Math.Clamp(HeartbeatSeconds, 1, 60));

    /// <summary>
    /// The hall's sound as the live page plays it: a stream server's address (Icecast on the laptop, e.g.
    /// <c>http://192.168.1.10:8000/hoi-truong.ogg</c>), never the portal itself.
    /// </summary>
    public string? Stream { get; set; }

    /// <summary>Where the stream server says what it is playing (Icecast's <c>status-json.xsl</c>); by default beside <see cref="Stream"/>.</summary>
    public string? StreamStatus { get; set; }

    /// <summary>
    /// Picture as well, from elsewhere: a province's YouTube or Facebook live, or its own media server's page. YouTube and
    /// Facebook are embedded on the live page when the viewer asks (a 2G phone does not load a player it did not want);
    /// any other address is a link.
    /// </summary>
    public string? Video { get; set; }

    /// <summary>The player to embed for <see cref="Video"/> and the origin the pages' content policy must allow; null for a link only.</summary>
    public (string Player, string Origin)? VideoEmbed()
    {
        if (!Uri.TryCreate(Video, UriKind.Absolute, out var u) || u.Scheme != "https") return null;
        var host = u.Host.ToLowerInvariant();
        var path = u.AbsolutePath.Trim('/').Split('/');
        string? youtube = host switch
        {
            "youtu.be" => path[0],
            "youtube.com" or "www.youtube.com" or "m.youtube.com" => path switch
            {
                ["watch"] => HttpUtility.ParseQueryString(u.Query)["v"],
                ["live" or "embed" or "shorts", var id, ..] => id,
                _ => null,
            },
            _ => null,
        };
        if (youtube is { Length: > 0 } && youtube.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return ($"https://www.youtube-nocookie.com/embed/{youtube}", "https://www.youtube-nocookie.com");
        if (host is "facebook.com" or "www.facebook.com" or "m.facebook.com" or "fb.watch")
            return ("https://www.facebook.com/plugins/video.php?show_text=false&href=" + Uri.EscapeDataString(u.AbsoluteUri), "https://www.facebook.com");
        return null;
    }

    public string? StatusAddress() => StreamStatus is { Length: > 0 } s ? s
        : Uri.TryCreate(Stream, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) + "/status-json.xsl" : null;
}
