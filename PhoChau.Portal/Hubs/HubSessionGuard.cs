using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Identity;

namespace PhoChau.Portal.Hubs;

/// <summary>
/// Hub connections outlive the sign-in that opened them. Every connection is known here; every few seconds the users'
/// sessions are checked (<see cref="SessionValidity"/>), and the connections of a user who signed out, was deactivated
/// or changed role are closed. A call on such a connection before the sweep reaches it is refused.
/// </summary>
public sealed class HubSessionGuard(
    SessionValidity validity, IStringLocalizer<SharedResource> text, ILogger<HubSessionGuard> log, IOptions<IdentityOptions> identity)
    : BackgroundService, IHubFilter
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private const string CheckedKey = "phochau:session-checked";
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    // The hall's hub only: Blazor's own circuit hub is watched by RevalidatingAuthenticationState, which takes a signed-out
    // page to the sign-in page instead of leaving it trying to reconnect.
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Hub is HallHub) _connections[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.Hub is not HallHub) return await next(context);
        // Checked at most once an interval a connection (the queue's actions come in bursts); the sweep does the rest.
        var items = context.Context.Items;
        var now = Environment.TickCount64;
        if (!(items.TryGetValue(CheckedKey, out var at) && at is long last && now - last < Interval.TotalMilliseconds))
        {
            // Refused with the reason; the sweep closes the connection itself.
            if (context.Context.User is not { } user || !await validity.IsCurrentAsync(user, context.Context.ConnectionAborted))
                throw new HubException(text["Hub.SessionEnded"]);
            items[CheckedKey] = now;
        }
        return await next(context);
    }

    /// <summary>What tells one sign-in from another of the same user: its security stamp, as the cookie carries it (and SessionValidity reads it).</summary>
    private string SignInOf(HubCallerContext c) =>
        c.User?.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value ?? c.ConnectionId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            await SweepAsync(timer, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping (or a start that failed): nothing is left to guard.
        }
    }

    private async Task SweepAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // By sign-in, not by user: a user signed out on one screen and signed in afresh on another has two sign-ins,
            // and the old one's connections must close though the new one stands (they went on receiving names).
            foreach (var group in _connections.Values.GroupBy(c => (c.UserIdentifier ?? "", SignInOf(c))))
            {
                try
                {
                    if (await validity.IsCurrentAsync(group.First().User!, stoppingToken)) continue;
                    foreach (var connection in group)
                    {
                        connection.Abort();
                        _connections.TryRemove(connection.ConnectionId, out _);
                    }
                    log.LogInformation("Closed {Count} hub connection(s) of a user who signed out or was deactivated", group.Count());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Could not check the hub connections' sessions"); // tried again at the next tick
                }
            }
        }
    }
}
