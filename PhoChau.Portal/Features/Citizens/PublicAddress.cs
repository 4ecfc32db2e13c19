using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>
/// The address a citizen's phone uses to reach the portal, for QR codes and receipts: Public:BaseUrl when set (a
/// name on the commune's network, or the province's address); otherwise the address the staff screen used, unless
/// that is the laptop itself (localhost), which a phone cannot reach: then the laptop's own address on the LAN.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IServiceProvider services) : IPublicSite
{
    /// <summary>
    /// Away from a request (a document downloaded, a job): Public:BaseUrl, else the portal's own listening address, a
    /// wildcard or loopback one given as the laptop's address on the LAN. Null before the server listens.
    /// </summary>
    public string? BaseUrl()
    {
        if (configuration["Public:BaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var listening = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        // Kestrel names "any address" +, * , 0.0.0.0 or [::]: a phone reaches it by the laptop's LAN address.
        listening = listening?.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal).Replace("://[::]:", "://localhost:", StringComparison.Ordinal);
        return Uri.TryCreate(listening, UriKind.Absolute, out var own) ? BaseUrl(own) : null;
    }

    public string BaseUrl(Uri seen)
    {
        if (configuration["Public:BaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        if (!IsLoopback(seen.Host)) return seen.GetLeftPart(UriPartial.Authority);
        var lan = LanAddress();
        return lan is null ? seen.GetLeftPart(UriPartial.Authority) : new UriBuilder(seen.Scheme, lan.ToString(), seen.Port).Uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>True when the address only works on this laptop: the QR code would not open on a phone.</summary>
    public bool OnlyThisComputer(string baseUrl) => Uri.TryCreate(baseUrl, UriKind.Absolute, out var u) && IsLoopback(u.Host);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The first private IPv4 address of a network card that is up (the hall's Wi-Fi or cable).</summary>
    private static IPAddress? LanAddress()
    {
        try
        {
            var candidates = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
                .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                .ToList();
            return candidates.FirstOrDefault(IsPrivate) ?? candidates.FirstOrDefault(a => !a.ToString().StartsWith("169.254.", StringComparison.Ordinal));
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }

    private static bool IsPrivate(IPAddress a)
    {
        var b = a.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168);
    }
}
