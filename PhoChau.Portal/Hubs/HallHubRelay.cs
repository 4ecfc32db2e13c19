using Microsoft.AspNetCore.SignalR;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Core.Dialogues;
using System.Collections.Concurrent;

namespace PhoChau.Portal.Hubs;

/// <summary>
/// Relays the notifier's saved changes to the hub's session groups: one read, one send per burst. The queue goes as
/// what changed since the list this node last sent the group (the notifier runs one burst of a session at a time,
/// so the group gets them in order); the first of a session, or one after the session left InSession, goes whole.
/// </summary>
public sealed class HallHubRelay(HallNotifier notifier, IHubContext<HallHub> hub, SpeakerQueueService queue, SessionOutcomeService petitions)
    : IHostedService
{
    private IDisposable? _subscription;
    private readonly ConcurrentDictionary<int, Sent> _sent = new();

    private sealed record Sent(int Version, IReadOnlyDictionary<int, QueueItem> Items);

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
            await group.SendAsync("QueueChanged", QueueMessage(change.State ?? await queue.GetStateAsync(change.DialogueId)));
        if (change.RequestsChanged)
            await hub.Clients.Group(HallHub.OperatorsGroup(change.DialogueId)).SendAsync("SpeakerRequestsChanged", new SpeakerRequestsChangedMessage(change.DialogueId));
        if (change.PetitionIds.Count > 0)
            foreach (var p in await petitions.ListAsync(change.DialogueId, change.PetitionIds))
                await group.SendAsync("PetitionChanged", PetitionChangedMessage.From(change.DialogueId, p));
    }

    private QueueChangedMessage QueueMessage(HallState state)
    {
        var items = QueueChangedMessage.Items(state);
        var message = _sent.TryGetValue(state.DialogueId, out var last) && last.Version < state.Version
            ? QueueChangedMessage.Since(state, items, last.Version, last.Items)
            : QueueChangedMessage.From(state, items);
        if (state.State == DialogueState.InSession)
            _sent[state.DialogueId] = new Sent(state.Version, items.ToDictionary(i => i.SpeakerId));
        else
            _sent.TryRemove(state.DialogueId, out _); // an ended session's list is not kept in memory
        return message;
    }
}
