namespace PhoChau.Portal.Hosting;

/// <summary>
/// The hall's default (every interface, port 5080) applies only when nothing else chose where to listen:
/// ASPNETCORE_URLS / DOTNET_URLS, ASPNETCORE_HTTP_PORTS / HTTPS_PORTS, --urls, or Kestrel:Endpoints.
/// </summary>
public static class ListenAddresses
{
    public const string HallDefault = "http://0.0.0.0:5080";

    public static bool AnyConfigured(IConfiguration c) =>
        !string.IsNullOrWhiteSpace(c["urls"]) || !string.IsNullOrWhiteSpace(c["http_ports"]) || !string.IsNullOrWhiteSpace(c["https_ports"])
        || c.GetSection("Kestrel:Endpoints").GetChildren().Any();

    public static void ApplyDefault(WebApplicationBuilder builder)
    {
        if (!AnyConfigured(builder.Configuration)) builder.WebHost.UseUrls(HallDefault);
    }
}
