using System.Collections.Concurrent;
using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Features.Live;

/// <summary>
/// A speaker called from afar who is not heard within the set time (Live:AnswerSeconds) is marked "không trả lời"
/// (absent), and the chair moves on, as with one who is not in the hall when called. The node that made the call
/// watches it; the secretary's "Đã kết nối" (the call connected) ends the watch.
/// </summary>
public sealed class RemoteAnswerWatch(HallNotifier notifier, SpeakerQueueService queue, IOptionsMonitor<LiveOptions> options, TimeProvider clock,
    ILogger<RemoteAnswerWatch> log) : IHostedService
{
    /// <summary>Who the audit trail names for the mark: the portal, on the secretary's behalf.</summary>
    public static readonly Actor Watcher = new(Actor.System.UserId, Actor.System.UserName, new HashSet<string> { Roles.Secretary });

    private readonly ConcurrentDictionary<(int Commune, int Speaker), Task> _watching = new();
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(OnChange);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stopping.CancelAsync();
        await Task.WhenAll(_watching.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>The watches running now (for tests).</summary>
    public int Watching => _watching.Count;

    private Task OnChange(HallChange change)
    {
        if (change.Remote || !change.QueueChanged || change.State is { } known && known.Current is not { Remote: true, Answered: false })
            return Task.CompletedTask;
        var commune = CommuneScope.Current;
        _ = Task.Run(async () =>
        {
            var state = change.State ?? await queue.GetStateAsync(change.DialogueId, _stopping.Token);
            if (state.Current is not { Remote: true, Answered: false, StartedAt: { } called } current) return;
            var key = (commune, current.SpeakerId);
            var watch = new TaskCompletionSource();
            if (!_watching.TryAdd(key, watch.Task)) return;
            try { await WatchAsync(commune, change.DialogueId, current.SpeakerId, called); }
            finally
            {
                _watching.TryRemove(key, out _);
                watch.SetResult();
            }
        });
        return Task.CompletedTask;
    }

    private async Task WatchAsync(int commune, int dialogueId, int speakerId, DateTime calledUtc)
    {
        var answerTime = options.CurrentValue.AnswerTime;
        try
        {
            var wait = calledUtc + answerTime - clock.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, _stopping.Token);
            using (CommuneScope.Enter(commune))
            {
                var state = await queue.GetStateAsync(dialogueId, _stopping.Token);
                if (state.Current is { Answered: false } now && now.SpeakerId == speakerId)
                    await queue.MarkUnansweredAsync(Watcher, dialogueId, speakerId, answerTime, _stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // the portal stops
        }
        catch (DomainException)
        {
            // answered, ended or moved on meanwhile: nothing to mark
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Remote speaker {Speaker} of session {Session} could not be marked unanswered", speakerId, dialogueId);
        }
    }
}
