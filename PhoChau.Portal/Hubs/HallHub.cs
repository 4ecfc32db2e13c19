using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PhoChau.Core.Speakers;
using PhoChau.Core.Monitoring;

namespace PhoChau.Portal.Hubs;

/// <summary>
/// /hubs/hall: screens that are not Blazor circuits (a TV box, a test) follow a session here.
/// JoinSession puts the connection in the session's group and returns the current queue, so a client that
/// reconnects starts from the saved state; QueueChanged and PetitionChanged follow every saved change.
/// Methods that change the queue check the caller's role like the pages do; a refusal reaches the client as a
/// HubException with the reason (<see cref="HubRefusalFilter"/>).
/// </summary>
[Authorize]
public sealed class HallHub(SpeakerQueueService queue, SpeakerRequestService requests, PortalMetrics metrics) : Hub
{
    public override Task OnConnectedAsync()
    {
        metrics.HubConnected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.HubDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    public static string Group(int sessionId) => $"session-{sessionId}";

    /// <summary>The chair and the secretary: the only ones told about phone registrations before they are accepted.</summary>
    public static string OperatorsGroup(int sessionId) => $"operators-{sessionId}";

    public async Task<QueueChangedMessage> JoinSession(int sessionId)
    {
        var state = await queue.GetStateAsync(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId));
        if (Actor.Allows(Permission.Chair))
            await Groups.AddToGroupAsync(Context.ConnectionId, OperatorsGroup(sessionId));
        return QueueChangedMessage.From(state);
    }

    public async Task LeaveSession(int sessionId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(sessionId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, OperatorsGroup(sessionId));
    }

    /// <summary>The phone registrations waiting (operators only; anyone else is refused like on the pages).</summary>
    public async Task<IReadOnlyList<PendingRequestItem>> PendingRequests(int sessionId) =>
        (await requests.PendingAsync(Actor, sessionId)).Select(PendingRequestItem.From).ToList();

    public async Task<QueueChangedMessage> RegisterSpeaker(int sessionId, string name, string villageOrOrganisation, string topic) =>
        QueueChangedMessage.Changes(await queue.RegisterAsync(Actor, sessionId, new SpeakerInput { Name = name, VillageOrOrganisation = villageOrOrganisation, Topic = topic }));

    public async Task<QueueChangedMessage> CallNext(int sessionId, int? expectedVersion) =>
        QueueChangedMessage.Changes(await queue.CallNextAsync(Actor, sessionId, expectedVersion));

    private Actor Actor => ActorFactory.FromPrincipal(Context.User!);
}
