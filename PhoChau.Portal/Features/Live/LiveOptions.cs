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
}
