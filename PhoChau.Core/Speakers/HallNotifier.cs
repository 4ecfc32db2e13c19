using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using System.Collections.Immutable;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The one place a saved change of a session is announced: open pages and the SignalR relay subscribe.
/// Bursts are coalesced per session: while subscribers are being told, further changes are merged and
/// sent once afterwards, so a screen gets the latest state rather than every intermediate one.
/// </summary>
public sealed class HallNotifier(ILogger<HallNotifier> log)
{
    private readonly ConcurrentDictionary<int, Pending> _pending = new();
    private ImmutableArray<Func<HallChange, Task>> _subscribers = [];

    /// <summary>
    /// Subscribers load what they need themselves; they are awaited, one failing does not stop the others. Disposing
    /// what this returns ends the subscription (an open page does it when it closes, however Blazor disposes it).
    /// </summary>
    public IDisposable Subscribe(Func<HallChange, Task> handler)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(handler));
        return new Subscription(this, handler);
    }

    private sealed class Subscription(HallNotifier notifier, Func<HallChange, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                ImmutableInterlocked.Update(ref notifier._subscribers, list => list.Remove(handler));
        }
    }

    public void Publish(HallChange change)
    {
        var p = _pending.GetOrAdd(change.DialogueId, _ => new Pending());
        lock (p)
        {
            p.Queue |= change.QueueChanged;
            p.Requests |= change.RequestsChanged;
            p.Petitions.UnionWith(change.PetitionIds);
            p.Local |= !change.Remote;
            // The newest saved state wins; a change without one makes subscribers read the state themselves.
            p.State = change.QueueChanged && (p.State is null || change.State is null || change.State.Version >= p.State.Version) ? change.State : p.State;
            if (p.Running) return;
            p.Running = true;
        }
        _ = Task.Run(() => DrainAsync(change.DialogueId, p));
    }

    private async Task DrainAsync(int dialogueId, Pending p)
    {
        while (true)
        {
            HallChange batch;
            lock (p)
            {
                if (!p.Queue && !p.Requests && p.Petitions.Count == 0)
                {
                    p.Running = false;
                    return;
                }
                batch = new HallChange(dialogueId, p.Queue, p.Petitions.ToList(), p.State) { RequestsChanged = p.Requests, Remote = !p.Local };
                p.Local = false;
                p.Queue = false;
                p.Requests = false;
                p.Petitions.Clear();
                p.State = null;
            }
            var handlers = _subscribers;
            await Task.WhenAll(handlers.Select(async h =>
            {
                try { await h(batch); }
                catch (Exception ex) { log.LogWarning(ex, "A hall subscriber failed for session {Session}", dialogueId); }
            }));
        }
    }

    private sealed class Pending
    {
        public bool Queue;
        public bool Requests;
        public bool Local;
        public readonly HashSet<int> Petitions = [];
        public HallState? State;
        public bool Running;
    }
}
