using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Features.Live;

/// <summary>
/// The public live pages' one source (issue 35): for each session someone follows, the view is read once per hall change
/// (not once per viewer) and what changed is written to every viewer's Server-Sent Events stream. No Blazor circuit,
/// no sign-in: a viewer costs a connection and a small queue. A viewer too slow to keep up is dropped; its browser
/// reconnects and starts again from the whole view.
/// </summary>
public sealed class LiveFeed : IDisposable
{
    /// <summary>Changes a viewer may fall behind by before it is dropped (it reconnects and gets the whole view).</summary>
    private const int Backlog = 16;

    /// <summary>
    /// How long a change waits before it goes to the viewers: the hall's next action (a call right after a registration)
    /// is not slowed by writing to thousands of streams, and two quick changes go as one. Well inside the 1 s budget.
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(150);

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese letters as they are
    };

    /// <summary>
    /// How long a view read for a page serves the next pages without a hall change. Short: a change the hall does not
    /// announce (an erasure of a speaker's data, a dialogue edited) reaches new pages within it, and a flood of page
    /// requests still reads the database once in that time.
    /// </summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, Room> _rooms = new();
    private readonly LiveSessionService _live;
    private readonly TimeProvider _clock;
    private readonly ILogger<LiveFeed> _log;
    private readonly IDisposable _subscription;
    private readonly IOptionsMonitor<LiveOptions> _options;

    /// <summary>What a viewer's stream yields when the hall has been quiet for a heartbeat (written as a "ping" event).</summary>
    public const string Beat = "";

    public LiveFeed(HallNotifier notifier, LiveSessionService live, TimeProvider clock, ILogger<LiveFeed> log, IOptionsMonitor<LiveOptions> options)
    {
        _options = options;
        _live = live;
        _clock = clock;
        _log = log;
        _subscription = notifier.Subscribe(OnChangeAsync);
    }

    /// <summary>How many viewers have a stream open now (the secretary's figure, and the benchmark's).</summary>
    public int Viewers => _rooms.Values.Sum(r => r.Viewers.Length);

    /// <summary>
    /// Each session followed here or in session: its commune, the most viewers it had at once on this node since it
    /// started, and whether the hall is in session (the sound's listeners are then its).
    /// </summary>
    public IReadOnlyList<(int DialogueId, int Commune, int PeakViewers, bool InSession)> Audience() =>
        _rooms.Where(r => r.Value.View is not null)
            .Select(r => (r.Key, r.Value.Commune, r.Value.Peak, r.Value.View!.State == DialogueState.InSession)).ToList();

    /// <summary>The session's view as the page first shows it; null for no live page (unknown, draft, cancelled).</summary>
    public async Task<LiveSession?> CurrentAsync(int dialogueId, CancellationToken ct)
    {
        var room = _rooms.GetOrAdd(dialogueId, id => new Room(CommuneScope.Current));
        if (room.View is { } view && Stopwatch.GetElapsedTime(room.ReadAt) < Fresh) return view;
        await room.Lock.WaitAsync(ct);
        try
        {
            if (room.View is null || Stopwatch.GetElapsedTime(room.ReadAt) >= Fresh)
            {
                room.View = await _live.GetAsync(dialogueId, ct);
                room.ReadAt = Stopwatch.GetTimestamp();
            }
            // No live page: no room kept either (a stranger trying every number leaves nothing behind).
            if (room.View is null && room.Viewers.IsEmpty) _rooms.TryRemove(dialogueId, out _);
            return room.View;
        }
        finally
        {
            room.Lock.Release();
        }
    }

    /// <summary>A viewer's stream: the whole view first, then each change, until the viewer leaves or falls behind.</summary>
    public async IAsyncEnumerable<string> FollowAsync(int dialogueId, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await CurrentAsync(dialogueId, ct) is not { } first) yield break;
        var room = _rooms[dialogueId];
        var queue = Channel.CreateBounded<string>(new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        ImmutableInterlocked.Update(ref room.Viewers, list => list.Add(queue));
        var open = room.Viewers.Length; // the most at once, for the records: raised, never lowered
        for (var peak = room.Peak; open > peak && Interlocked.CompareExchange(ref room.Peak, open, peak) != peak; peak = room.Peak) { }
        try
        {
            yield return Write(first, null);
            // A change between the first read and joining: the whole view again is cheaper than missing it.
            if (room.View is { } now && now.Version != first.Version) yield return Write(now, null);
            var beat = _options.CurrentValue.Heartbeat;
            while (true)
            {
                bool? more;
                using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    quiet.CancelAfter(beat);
                    try { more = await queue.Reader.WaitToReadAsync(quiet.Token); }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested) { more = null; } // quiet for a heartbeat
                }
                if (more is null) { yield return Beat; continue; }
                if (more == false) yield break;
                while (queue.Reader.TryRead(out var change)) yield return change;
            }
        }
        finally
        {
            ImmutableInterlocked.Update(ref room.Viewers, list => list.Remove(queue));
        }
    }

    private Task OnChangeAsync(HallChange change)
    {
        if (!_rooms.TryGetValue(change.DialogueId, out var room) || change.RequestsChanged && !change.QueueChanged && change.PetitionIds.Count == 0)
            return Task.CompletedTask;
        if (Interlocked.Exchange(ref room.Gathering, 1) == 0)
            _ = Task.Run(async () =>
            {
                await Task.Delay(Gather); // real time, whatever the application's clock: it spreads the work, not the law's days
                Interlocked.Exchange(ref room.Gathering, 0); // a change from now on is sent after this one
                await SendAsync(change.DialogueId, room);
            });
        return Task.CompletedTask;
    }

    private async Task SendAsync(int dialogueId, Room room)
    {
        await room.Lock.WaitAsync();
        try
        {
            CommuneScope.Set(room.Commune); // the hall's change arrives outside any request: read as the session's commune
            var before = room.View;
            var after = await _live.GetAsync(dialogueId, CancellationToken.None);
            room.View = after;
            room.ReadAt = Stopwatch.GetTimestamp();
            if (after is null || room.Viewers.IsEmpty) return;
            var message = Write(after, before);
            foreach (var viewer in room.Viewers)
                if (!viewer.Writer.TryWrite(message)) viewer.Writer.TryComplete(); // too far behind: it reconnects
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "The live page of session {Dialogue} could not be updated", dialogueId);
        }
        finally
        {
            room.Lock.Release();
        }
    }

    /// <summary>
    /// The view as the page's script reads it: everything but the petitions, which go whole the first time and then only
    /// the ones that changed (a change stays well under a kilobyte for a phone on 2G).
    /// </summary>
    private string Write(LiveSession view, LiveSession? before)
    {
        var petitions = before is null ? view.Petitions
            : view.Petitions.Where(p => !before.Petitions.Contains(p)).ToList();
        return JsonSerializer.Serialize(new
        {
            full = before is null ? true : (bool?)null,
            v = view.Version,
            t = _clock.GetUtcNow().ToUnixTimeMilliseconds(),
            s = view.State.ToString(),
            sn = view.StateName,
            a = view.AgendaStep,
            ai = view.AgendaIndex + 1,
            ac = view.AgendaCount,
            sp = view.Speaking is { } sp ? Speaker(sp) : null,
            lim = view.SpeakingTimeSeconds,
            nx = view.Next.Select(Speaker).ToList(),
            w = view.Waiting,
            la = view.Latest is { } latest ? Speaker(latest) : null,
            p = petitions.Count == 0 && before is not null ? null : petitions.Select(p => new { i = p.Id, c = p.Code, f = p.Field, d = p.Department, s = p.State }),
            c = view.Conclusion,
        }, Json);
    }

    private static object Speaker(LiveSpeaker s) => new
    {
        id = s.Id, n = s.Number, l = s.Label, r = s.Remote ? true : (bool?)null, st = s.StartedAtUtc is { } at ? new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds() : (long?)null,
        po = s.PointOfOrder ? true : (bool?)null,
    };

    public void Dispose() => _subscription.Dispose();

    private sealed class Room(int commune)
    {
        public int Commune { get; } = commune;
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public LiveSession? View;
        public long ReadAt;
        public ImmutableArray<Channel<string>> Viewers = [];
        public int Gathering;
        public int Peak;
    }
}
