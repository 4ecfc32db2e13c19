using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Monitoring;

namespace PhoChau.Core.Speakers;

/// <summary>
/// What one hall action changes, given the dialogue row, copies of the active speakers (and <see cref="HallAction.AlsoSpeakerId"/>)
/// and the last position used; returns the petitions it changed, which the petitions screens reload.
/// </summary>
internal delegate Task<IReadOnlyList<int>> HallStep(PhoChauDbContext db, Dialogue dialogue, List<Speaker> speakers, int lastPosition);

/// <summary>
/// How a hall action is saved: its name (for the metrics), the queue version the screen showed (a moved queue refuses
/// it), whether the session must be open, a finished speaker it also touches, and whether this node's copy of the
/// dialogue row may stand in for reading it (not for a change audited against the whole row, such as the conclusion).
/// </summary>
internal sealed record HallAction(string Name, int? ExpectedVersion = null)
{
    public bool RequireInSession { get; init; } = true;
    public int? AlsoSpeakerId { get; init; }
    public bool FromSnapshot { get; init; } = true;
}

/// <summary>
/// The hall's write path (issue 34.4), one pipeline of named steps: <see cref="BeginAsync"/> (the write lock),
/// <see cref="RowAsync"/> (the dialogue row, from this node's copy when it can), <see cref="ApplyAsync"/> (the checks
/// and the change, on copies), <see cref="SaveAsync"/> (only what changed, under the row's version), <see cref="Remember"/>
/// (the next action starts from it) and <see cref="Announce"/> (on the disk, then told once, with the state). A stale
/// row or a lost race is tried again up to <see cref="Retries"/> times; a screen's stale version is refused.
/// </summary>
public sealed class HallWrites(
    IDbContextFactory<PhoChauDbContext> dbFactory, HallNotifier notifier, HallSnapshots snapshots, WriteGate writeGate,
    GroupCommit groupCommit, TimeProvider clock, PortalMetrics metrics)
{
    private const int Retries = 3;

    /// <summary>What a hall step returns when it touched no petition (most do): the petitions screens need not reload.</summary>
    internal static readonly Task<IReadOnlyList<int>> NoPetitionsChanged = Task.FromResult<IReadOnlyList<int>>([]);

    /// <summary>The saved state: one row read when the queue has not changed since it was last read or saved.</summary>
    public async Task<HallState> GetStateAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.Dialogues.Where(x => x.Id == dialogueId).Select(x => (int?)x.Version).SingleOrDefaultAsync(ct)
                      ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var snapshot = snapshots.Get(dialogueId, version) ?? await LoadSnapshotAsync(db, dialogueId, ct);
        return snapshot.ToState(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Runs one hall action through the pipeline and counts it (saved, refused or stale) in the metrics.</summary>
    internal async Task<HallState> RunAsync(Actor actor, int dialogueId, HallAction action, HallStep change, CancellationToken ct)
    {
        actor.Demand(Permission.Chair);
        var started = Stopwatch.GetTimestamp();
        var outcome = "refused";
        try
        {
            var state = await SaveWithRetriesAsync(actor, dialogueId, action, change, ct);
            outcome = "saved";
            return state;
        }
        catch (ConcurrencyConflictException)
        {
            outcome = "stale";
            throw;
        }
        finally
        {
            metrics.QueueAction(action.Name.EndsWith("Async", StringComparison.Ordinal) ? action.Name[..^5] : action.Name, outcome,
                Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<HallState> SaveWithRetriesAsync(Actor actor, int dialogueId, HallAction action, HallStep change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var write = await BeginAsync(ct);
            var cached = Cached(write.Db, dialogueId, action, attempt);
            var dialogue = await RowAsync(write.Db, dialogueId, cached, ct);
            Applied applied;
            try
            {
                applied = await ApplyAsync(write.Db, dialogue, action, change, ct);
            }
            catch (DomainException) when (cached is not null)
            {
                continue; // a refusal is made on the row itself, never on this node's copy of it
            }
            if (!await SaveAsync(write, actor, dialogue, applied, action, cached is not null, attempt, ct)) continue;
            var state = Remember(write, dialogue, applied);
            Announce(write, dialogueId, applied.ChangedPetitions, state);
            return state;
        }
    }

    /// <summary>One write: the connection opened outside the gate (only the transaction need wait), the group commit, the
    /// node's write gate, and SQLite's BEGIN IMMEDIATE (the database's write lock); released in the reverse order.</summary>
    private async Task<HallWrite> BeginAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        var write = new HallWrite(db);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            write.Relaxed = await groupCommit.RelaxAsync(db.Database.GetDbConnection(), ct);
            write.Gate = await writeGate.EnterAsync(ct);
            write.Transaction = await db.Database.BeginTransactionAsync(ct);
            return write;
        }
        catch
        {
            await write.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The row as this node last saved or read it, when the change needs no more of it than the snapshot keeps: the
    /// save's UPDATE … WHERE Version = … still guards it, and a row moved by anyone else (another node, an edit of the
    /// dialogue) fails that guard and is read afresh on the next attempt. Only this context's commune's: another
    /// commune's session is not found, as the filtered read would say.
    /// </summary>
    private HallSnapshot? Cached(PhoChauDbContext db, int dialogueId, HallAction action, int attempt) =>
        attempt == 1 && action.FromSnapshot && snapshots.Latest(dialogueId) is { } latest
        && latest.Dialogue.CommuneId == db.CurrentCommuneId
        && (action.ExpectedVersion is null || action.ExpectedVersion == latest.Version) ? latest : null;

    private static async Task<Dialogue> RowAsync(PhoChauDbContext db, int dialogueId, HallSnapshot? cached, CancellationToken ct)
    {
        if (cached is null)
            return await db.Dialogues.SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var dialogue = HallSnapshot.Copy(cached.Dialogue);
        db.Dialogues.Attach(dialogue);
        return dialogue;
    }

    /// <summary>The queue before the change, the changed copies, and the petitions the change moved.</summary>
    private sealed record Applied(HallSnapshot Prior, List<Speaker> Speakers, IReadOnlyList<int> ChangedPetitions);

    private async Task<Applied> ApplyAsync(PhoChauDbContext db, Dialogue dialogue, HallAction action, HallStep change, CancellationToken ct)
    {
        if (action.RequireInSession && dialogue.State != DialogueState.InSession)
            throw new DomainException(CoreText.Get("Hall.NotInSession"));
        if (action.ExpectedVersion is { } v && dialogue.Version != v)
            throw new ConcurrencyConflictException(CoreText.Get("Hall.QueueChanged"));
        var prior = snapshots.Get(dialogue.Id, dialogue.Version) ?? await LoadSnapshotAsync(db, dialogue.Id, ct);
        // Detached copies: the change works on them, and only the ones it altered are attached for the save.
        var speakers = prior.Speakers.Where(s => s.Status is SpeakerStatus.Waiting or SpeakerStatus.Speaking || s.Id == action.AlsoSpeakerId)
            .Select(HallSnapshot.Copy).OrderBy(s => s.Position).ToList();
        var lastPosition = prior.Speakers.Count == 0 ? 0 : prior.Speakers.Max(s => s.Position);
        return new Applied(prior, speakers, await change(db, dialogue, speakers, lastPosition));
    }

    /// <summary>
    /// Saves what the change altered and touches the dialogue row under the version read: the guard of the whole queue.
    /// False when the race was lost and the action should be tried again on the row read afresh.
    /// </summary>
    private async Task<bool> SaveAsync(HallWrite write, Actor actor, Dialogue dialogue, Applied applied, HallAction action, bool cached,
        int attempt, CancellationToken ct)
    {
        var db = write.Db;
        AttachChanged(db, applied.Prior, applied.Speakers);
        dialogue.QueueChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        // Marked modified even when the clock gives the same instant: the row's version must move on every change.
        db.Entry(dialogue).Property(x => x.QueueChangedAtUtc).IsModified = true;
        try
        {
            await db.SaveChangesAsync(actor, ct);
            await write.Transaction!.CommitAsync(ct);
            return true;
        }
        catch (ConcurrencyConflictException) when ((action.ExpectedVersion is null || cached) && attempt < Retries)
        {
            return false; // read afresh: a screen's version is checked against the row itself before it is refused
        }
        catch (ConcurrencyConflictException) when (action.ExpectedVersion is not null)
        {
            throw new ConcurrencyConflictException(CoreText.Get("Hall.QueueChanged"));
        }
    }

    /// <summary>The new snapshot, kept before the next change is let in (it starts from this one); then the gate opens.</summary>
    private HallState Remember(HallWrite write, Dialogue dialogue, Applied applied)
    {
        var touched = write.Db.Speakers.Local.Where(s => s.DialogueId == dialogue.Id).ToList();
        var newLinks = write.Db.SpeakerPetitions.Local.Select(l => (l.SpeakerId, l.PetitionId)).ToList();
        var snapshot = applied.Prior.With(dialogue, touched, newLinks);
        snapshots.Set(snapshot);
        write.Gate?.Dispose();
        return snapshot.ToState(clock.GetUtcNow().UtcDateTime) with
        {
            PriorVersion = applied.Prior.Version, ChangedSpeakerIds = touched.Select(s => s.Id).ToList(),
        };
    }

    /// <summary>
    /// On the disk before anyone is told (see <see cref="GroupCommit"/>), then announced once, with the state: the hub
    /// relay and the open screens need not read it again. Not an after-commit handler: it waits for the flush. Also
    /// announced when the flush failed: the screens show what the database holds, and the operator is told of the disk.
    /// </summary>
    private void Announce(HallWrite write, int dialogueId, IReadOnlyList<int> changedPetitions, HallState state)
    {
        try
        {
            write.Relaxed?.Flush();
        }
        finally
        {
            notifier.Publish(new HallChange(dialogueId, true, changedPetitions, state));
        }
    }

    /// <summary>
    /// Attaches, for each copy the change altered, the saved original with the new values set on it: the database gets
    /// an update of the changed columns guarded by the saved version, and the audit trail the old and new values.
    /// </summary>
    private static void AttachChanged(PhoChauDbContext db, HallSnapshot prior, List<Speaker> copies)
    {
        var originals = prior.Speakers.ToDictionary(s => s.Id);
        foreach (var copy in copies)
        {
            if (!originals.TryGetValue(copy.Id, out var original) || HallSnapshot.Same(original, copy)) continue;
            db.Speakers.Attach(HallSnapshot.Copy(original)).CurrentValues.SetValues(copy);
        }
    }

    /// <summary>
    /// The dialogue row, every speaker and petition link of the session, read in one read transaction (one moment of
    /// the database, whatever other screens write meanwhile) and kept for the next reads.
    /// </summary>
    private async Task<HallSnapshot> LoadSnapshotAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        // Inside the caller's write transaction when there is one; else a read transaction of its own.
        DbTransaction? own = null;
        if (db.Database.CurrentTransaction is null)
        {
            await db.Database.OpenConnectionAsync(ct);
            // SQLite: a deferred transaction takes no write lock. PostgreSQL: one snapshot for the three reads.
            own = db.Database.GetDbConnection() is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await db.Database.GetDbConnection().BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.UseTransactionAsync(own, ct);
        }
        var d = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.DialogueId == dialogueId).ToListAsync(ct);
        var links = await (from l in db.SpeakerPetitions.AsNoTracking()
                           join s in db.Speakers on l.SpeakerId equals s.Id
                           where s.DialogueId == dialogueId
                           select new { l.SpeakerId, l.PetitionId }).ToListAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
            await db.Database.UseTransactionAsync(null, ct);
            await own.DisposeAsync();
        }
        var snapshot = new HallSnapshot(HallSnapshot.Copy(d), speakers, links.ToLookup(l => l.SpeakerId, l => l.PetitionId));
        snapshots.Set(snapshot);
        return snapshot;
    }

    /// <summary>What one write holds, released in the reverse order of taking: transaction, gate, group commit, context.</summary>
    private sealed class HallWrite(PhoChauDbContext db) : IAsyncDisposable
    {
        public PhoChauDbContext Db { get; } = db;
        public GroupCommit.Relaxed? Relaxed { get; set; }
        public IDisposable? Gate { get; set; }
        public IDbContextTransaction? Transaction { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Transaction is not null) await Transaction.DisposeAsync();
            Gate?.Dispose();
            if (Relaxed is not null) await Relaxed.DisposeAsync();
            await Db.DisposeAsync();
        }
    }
}
