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

    /// <summary>
    /// The hall's sound as the live page plays it: a stream server's address (Icecast on the laptop, e.g.
    /// <c>http://192.168.1.10:8000/hoi-truong.ogg</c>), never the portal itself.
    /// </summary>
    public string? Stream { get; set; }

    /// <summary>Where the stream server says what it is playing (Icecast's <c>status-json.xsl</c>); by default beside <see cref="Stream"/>.</summary>
    public string? StreamStatus { get; set; }

    public string? StatusAddress() => StreamStatus is { Length: > 0 } s ? s
        : Uri.TryCreate(Stream, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) + "/status-json.xsl" : null;
}
