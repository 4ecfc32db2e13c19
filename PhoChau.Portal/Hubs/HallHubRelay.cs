using Microsoft.AspNetCore.SignalR;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Hubs;

/// <summary>Relays the notifier's saved changes to the hub's session groups: one read, one send per burst.</summary>
public sealed class HallHubRelay(HallNotifier notifier, IHubContext<HallHub> hub, SpeakerQueueService queue, SessionOutcomeService petitions)
    : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken ct)
    {
        _subscription = notifier.Subscribe(RelayAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task RelayAsync(HallChange change)
    {
        var group = hub.Clients.Group(HallHub.Group(change.DialogueId));
        // One payload per change, built from the saved state the change carries (read only when it carries none).
        if (change.QueueChanged)
            await group.SendAsync("QueueChanged", QueueChangedMessage.From(change.State ?? await queue.GetStateAsync(change.DialogueId)));
        if (change.RequestsChanged)
            await hub.Clients.Group(HallHub.OperatorsGroup(change.DialogueId)).SendAsync("SpeakerRequestsChanged", new SpeakerRequestsChangedMessage(change.DialogueId));
        if (change.PetitionIds.Count > 0)
            foreach (var p in await petitions.ListAsync(change.DialogueId, change.PetitionIds))
                await group.SendAsync("PetitionChanged", PetitionChangedMessage.From(change.DialogueId, p));
    }
}
