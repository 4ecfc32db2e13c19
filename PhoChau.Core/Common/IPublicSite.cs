namespace PhoChau.Core.Common;

/// <summary>
/// The address a citizen's phone reaches the portal at, for what is printed away from a request (an announcement's
/// live-page address and its QR code): the portal knows it (configured, or its own address on the commune's network),
/// Core does not. Null when not known: the paper then names the page without an address.
/// </summary>
public interface IPublicSite
{
    string? BaseUrl();
}

/// <summary>No address known (Core on its own: tests, benchmarks, the command line).</summary>
public sealed class UnknownPublicSite : IPublicSite
{
    public string? BaseUrl() => null;
}
