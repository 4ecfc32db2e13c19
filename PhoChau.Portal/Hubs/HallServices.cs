using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Hubs;

public static class HallServices
{
    /// <summary>
    /// Live screens: Blazor's circuits and the hall's hub (keep-alives every 2 s, so a stalled link shows within
    /// seconds), each call in its user's commune and refused once the session ended, the relay of saved changes to
    /// the hub's groups, and, on PostgreSQL, to the other nodes.
    /// </summary>
    public static IServiceCollection AddHall(this IServiceCollection services)
    {
        // Keep-alives every 2 s, so screens notice a stalled link within 5 s (reconnect.js: serverTimeout 4 s).
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => { o.KeepAliveInterval = TimeSpan.FromSeconds(2); o.ClientTimeoutInterval = TimeSpan.FromSeconds(10); });
        services.AddScoped<CircuitHandler, CommuneCircuitHandler>();
        services.AddSingleton<HubSessionGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessionGuard>());
        services.AddSignalR(o =>
        {
            o.AddFilter<HubSessionGuard>();
            o.AddFilter<CommuneHubFilter>();
            o.AddFilter<HubRefusalFilter>();
            o.KeepAliveInterval = TimeSpan.FromSeconds(2);
            // Twice SignalR's standard client keep-alive (15 s): a display or tool built with the standard client
            // stays connected; the portal's own screens ping every 2 s and notice a stall by their server timeout.
            o.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
        });
        services.AddHostedService<HallHubRelay>();
        // Several nodes on one PostgreSQL hear each other's hall changes (nothing runs on SQLite).
        services.AddSingleton<PostgresHallRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresHallRelay>());
        return services;
    }
}
