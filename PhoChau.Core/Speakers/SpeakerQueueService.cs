using System.Globalization;
using System.Diagnostics;
using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Text;
using Microsoft.Data.Sqlite;
using PhoChau.Core.Monitoring;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The session in the hall (plan 4.2): open it, walk the agenda, register speakers in order, reorder,
/// point of order, absent or withdrawn, call the next speaker, record what was said. Every change is
/// saved (with the dialogue row's version as the guard of the whole queue) before it is announced.
/// Time used is computed from stored timestamps, so a restart loses nothing.
/// </summary>
public sealed class SpeakerQueueService(
    IDbContextFactory<PhoChauDbContext> dbFactory, SpeakerInputValidator validator, PetitionService petitions,
    HallNotifier notifier, HallSnapshots snapshots, WriteGate writeGate, GroupCommit groupCommit, CalendarService calendar,
    TimeProvider clock, PortalMetrics metrics)
{
    private const int Retries = 3;

    /// <summary>The saved state: one row read when the queue has not changed since it was last read or saved.</summary>
    public async Task<HallState> GetStateAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.Dialogues.Where(x => x.Id == dialogueId).Select(x => (int?)x.Version).SingleOrDefaultAsync(ct)
                      ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var snapshot = snapshots.Get(dialogueId, version) ?? await LoadSnapshotAsync(db, dialogueId, ct);
        return snapshot.ToState(clock.GetUtcNow().UtcDateTime);
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

    /// <summary>
    /// Opens the session (issue 33.4): on the announced day as asked; on another day only with the reason, which is kept
    /// (the minutes say it). The announced date never changes; the deadlines after the session (the notice's 5 and the
    /// replies' 10 working days, plan 4.3) count from the day it is held, and every paper after it carries that day.
    /// </summary>
    public async Task OpenSessionAsync(Actor actor, int dialogueId, string? offDayReason = null, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dialogues.FindAsync([dialogueId], ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        DialogueStateMachine.EnsureCanMove(d.State, DialogueState.InSession);
        var today = VietnamTime.Today(clock);
        if (d.SessionDate is { } announced && announced != today)
        {
            if (string.IsNullOrWhiteSpace(offDayReason))
                throw DomainException.ForField(OffDayReasonField, CoreText.Format("Hall.OpenOffDayReason", announced.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
            if (offDayReason.Trim().Length > 500) throw DomainException.ForField(OffDayReasonField, CoreText.Get("Hall.OpenReasonTooLong"));
            d.OpenedOffDayReason = offDayReason.Trim();
        }
        d.MoveTo(DialogueState.InSession);
        d.OpenedAtUtc = clock.GetUtcNow().UtcDateTime;
        d.CurrentAgendaStep = 0;
        await db.Entry(d).Collection(x => x.Deadlines).LoadAsync(ct);
        await DeadlineService.RecountAsync(db, d, await calendar.GetCalendarAsync(ct), ct);
        await db.SaveChangesAsync(actor, ct);
        notifier.Publish(new HallChange(dialogueId, true, []));
    }

    /// <summary>The chair concludes (plan 4.2 step 5): the session ends and its conclusion is kept for the notice.</summary>
    public async Task ConcludeAsync(Actor actor, int dialogueId, string? conclusion, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        if (string.IsNullOrWhiteSpace(conclusion)) throw DomainException.ForField(ConclusionField, CoreText.Get("Hall.ConclusionRequired"));
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) await ClusterService.EnsureAllHeldAsync(db, dialogueId, ct);
        await MutateAsync(actor, dialogueId, null, (db, d, speakers, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            SpeakerStateMachine.EndTurns(speakers, now);
            d.Conclusion = conclusion.Trim();
            d.ConcludedAtUtc = now;
            d.MoveTo(DialogueState.Concluded);
            return NotSettledInWritingAsync(db, d, now, ct);
        }, ct, fromSnapshot: false); // the conclusion is audited against the whole row, read in the write lock
    }

    public Task<HallState> SetAgendaStepAsync(Actor actor, int dialogueId, int step, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, d, _, _) =>
        {
            var steps = d.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            if (step < 0 || step >= Math.Max(1, steps)) throw new DomainException(CoreText.Get("Hall.AgendaStepInvalid"));
            d.CurrentAgendaStep = step;
            return NoPetitionsChanged;
        }, ct);

    /// <summary>Adds a speaker at the end of the queue; the same person twice while waiting is refused.</summary>
    public async Task<HallState> RegisterAsync(Actor actor, int dialogueId, SpeakerInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await validator.EnsureValidAsync(input, ct);
        // A petition raised on the spot is recorded first (channel "at the session"), then linked.
        var petitionIds = input.PetitionIds.Distinct().ToList();
        // Checked before a petition raised on the spot is recorded; a plain registration is checked in the save itself.
        if (petitionIds.Count > 0 || !string.IsNullOrWhiteSpace(input.NewPetitionText))
        {
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            await EnsureInSessionAsync(check, dialogueId, ct);
            if (await check.Petitions.CountAsync(p => petitionIds.Contains(p.Id) && p.DialogueId == dialogueId, ct) != petitionIds.Count)
                throw DomainException.ForField(nameof(SpeakerInput.PetitionIds), CoreText.Get("Hall.PetitionNotInDialogue"));
        }
        if (!string.IsNullOrWhiteSpace(input.NewPetitionText))
        {
            var created = await petitions.CreateAsync(actor, await RaisedAtSessionAsync(dialogueId, input.Name, input.VillageOrOrganisation, input.NewPetitionText, ct), ct);
            petitionIds.Add(created.Id);
        }

        return await MutateAsync(actor, dialogueId, null, async (db, d, speakers, lastPosition) =>
        {
            var name = VietnameseText.CleanName(input.Name);
            var from = VietnameseText.CleanName(input.VillageOrOrganisation ?? "");
            EnsureNotQueued(speakers.Select(s => (s.Status, s.Name, s.VillageOrOrganisation)), name, from);
            var speaker = new Speaker
            {
                DialogueId = d.Id, Position = lastPosition + 1, Name = name,
                VillageOrOrganisation = from, Topic = input.Topic?.Trim() ?? "", // waiting: a new speaker's status
                RegisteredAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Speakers.Add(speaker);
            if (petitionIds.Count > 0)
            {
                await db.SaveChangesAsync(actor, ct); // audited, and gives the id for the links; committed with the rest
                db.SpeakerPetitions.AddRange(petitionIds.Select(id => new SpeakerPetition { SpeakerId = speaker.Id, PetitionId = id }));
            }
            return petitionIds;
        }, ct);
    }

    /// <summary>The fields of why a session opens on another day than the announced one, and of the chair's conclusion.</summary>
    public const string OffDayReasonField = "OffDayReason", ConclusionField = "Conclusion";

    /// <summary>Refuses the same person (name and village, written any way) a second place while they wait or speak.</summary>
    internal static void EnsureNotQueued(IEnumerable<(SpeakerStatus Status, string Name, string From)> queue, string name, string from)
    {
        var person = VietnameseText.PersonKey(name, from);
        if (queue.Any(s => s.Status is SpeakerStatus.Waiting or SpeakerStatus.Speaking && VietnameseText.PersonKey(s.Name, s.From) == person))
            throw DomainException.ForField(nameof(SpeakerInput.Name), CoreText.Format("Hall.AlreadyRegistered", name, from));
    }

    /// <summary>
    /// A petition a speaker raises at the session, as the register records it. The speaker's village goes with it; one
    /// not in the list (a hamlet, a spelling, an organisation) is kept as typed, counted under its own name and offered
    /// to the administrator to add to the list (issue 33.6).
    /// </summary>
    internal async Task<PetitionInput> RaisedAtSessionAsync(int dialogueId, string name, string? villageOrOrganisation, string text, CancellationToken ct)
    {
        var from = VietnameseText.CleanName(villageOrOrganisation ?? "");
        int? villageId = null;
        if (from.Length > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            villageId = VillageNames.FindId(await VillageNames.ActiveAsync(db, ct), from);
        }
        return new PetitionInput
        {
            DialogueId = dialogueId, PetitionerName = name, Channel = PetitionChannel.AtSession,
            ReceivedOn = VietnamTime.Today(clock), Field = PetitionField.Other, Text = text,
            VillageId = villageId, VillageTyped = villageId is null && from.Length > 0 ? from : null,
            Address = villageId is null && from.Length > 0 ? from : null, // as before: the register's address keeps it too
        };
    }

    /// <summary>Moves a waiting speaker to another place among the waiting ones (0 = next to speak).</summary>
    public Task<HallState> MoveAsync(Actor actor, int dialogueId, int speakerId, int newWaitingIndex, int expectedVersion, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, expectedVersion, (_, _, speakers, _) =>
        {
            Reorder(speakers, speakerId, newWaitingIndex);
            return NoPetitionsChanged;
        }, ct);

    public async Task<HallState> MoveByAsync(Actor actor, int dialogueId, int speakerId, int delta, int expectedVersion, CancellationToken ct = default)
    {
        var state = await GetStateAsync(dialogueId, ct);
        var index = state.Waiting.ToList().FindIndex(w => w.SpeakerId == speakerId);
        if (index < 0) throw new DomainException(CoreText.Get("Hall.OnlyWaitingMove"));
        return await MoveAsync(actor, dialogueId, speakerId, Math.Clamp(index + delta, 0, state.Waiting.Count - 1), expectedVersion, ct);
    }

    /// <summary>A point of order (kiến nghị về thủ tục điều hành) jumps the queue: next to speak.</summary>
    public Task<HallState> PointOfOrderAsync(Actor actor, int dialogueId, int speakerId, int expectedVersion, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, expectedVersion, (_, _, speakers, _) =>
        {
            Reorder(speakers, speakerId, 0);
            speakers.Single(s => s.Id == speakerId).IsPointOfOrder = true;
            return NoPetitionsChanged;
        }, ct);

    public Task<HallState> MarkAsync(Actor actor, int dialogueId, int speakerId, SpeakerStatus status, int expectedVersion, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, expectedVersion, speakerId, (_, _, speakers, _) =>
        {
            if (status is not (SpeakerStatus.Absent or SpeakerStatus.Withdrawn or SpeakerStatus.Waiting))
                throw new DomainException(CoreText.Get("Hall.MarkOnly"));
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.RegistrantNotFound"));
            s.MoveTo(status);
            return NoPetitionsChanged;
        }, ct);

    /// <summary>
    /// Plan 4.2 step 5: every petition with a department that was not settled at the session is answered in writing
    /// by the "replies" deadline. One still without a department stays to be assigned (the reports count it as
    /// answered in writing, not yet assigned).
    /// </summary>
    private static async Task<IReadOnlyList<int>> NotSettledInWritingAsync(PhoChauDbContext db, Dialogue d, DateTime now, CancellationToken ct)
    {
        var due = await db.DialogueDeadlines.Where(x => x.DialogueId == d.Id && x.Key == DeadlineKeys.Replies).Select(x => x.DueDate).SingleOrDefaultAsync(ct);
        var open = await db.Petitions.Where(p => p.DialogueId == d.Id && p.LeadDepartmentId != null
            && (p.State == PetitionState.Assigned || p.State == PetitionState.AnswerDrafted || p.State == PetitionState.AnswerApproved)).ToListAsync(ct);
        foreach (var p in open)
        {
            p.MoveTo(PetitionState.NotSettled);
            p.ReplyDueDate = due;
            p.SessionOutcomeAtUtc = now;
        }
        return open.Select(p => p.Id).ToList();
    }

    /// <summary>
    /// Ends the current speaker and calls the first waiting one. Given the version the chair's screen showed,
    /// a queue changed meanwhile is refused rather than calling someone the chair did not see.
    /// </summary>
    public Task<HallState> CallNextAsync(Actor actor, int dialogueId, int? expectedVersion, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, expectedVersion, (_, _, speakers, _) =>
        {
            var next = speakers.Where(s => s.Status == SpeakerStatus.Waiting).OrderBy(s => s.Position).FirstOrDefault()
                ?? throw new DomainException(CoreText.Get("Hall.NoOneWaiting"));
            var now = clock.GetUtcNow().UtcDateTime;
            SpeakerStateMachine.EndTurns(speakers, now);
            SpeakerStateMachine.StartTurn(next, now);
            return NoPetitionsChanged;
        }, ct);

    /// <summary>Ends the current speaker without calling anyone (the last one, or before a break).</summary>
    public Task<HallState> EndCurrentAsync(Actor actor, int dialogueId, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, _, speakers, _) =>
        {
            if (!speakers.Any(s => s.Status == SpeakerStatus.Speaking)) throw new DomainException(CoreText.Get("Hall.NoOneSpeaking"));
            SpeakerStateMachine.EndTurns(speakers, clock.GetUtcNow().UtcDateTime);
            return NoPetitionsChanged;
        }, ct);

    /// <summary>The minutes as the session runs: what the speaker said and the answer given.</summary>
    public Task<HallState> RecordMinutesAsync(Actor actor, int dialogueId, int speakerId, string? summary, string? answerGiven, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, _, speakers, _) =>
        {
            if ((summary?.Length ?? 0) > 8000 || (answerGiven?.Length ?? 0) > 8000) throw new DomainException(CoreText.Get("Hall.MinutesTooLong"));
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.SpeakerNotFound"));
            s.Summary = summary?.Trim() ?? "";
            s.AnswerGiven = answerGiven?.Trim() ?? "";
            return NoPetitionsChanged;
        }, ct, requireInSession: false, alsoSpeakerId: speakerId);

    private static bool IsActive(Speaker s) => s.Status is SpeakerStatus.Waiting or SpeakerStatus.Speaking;

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

    private static void Reorder(List<Speaker> speakers, int speakerId, int newIndex)
    {
        var waiting = speakers.Where(s => s.Status == SpeakerStatus.Waiting).OrderBy(s => s.Position).ToList();
        var target = waiting.SingleOrDefault(s => s.Id == speakerId) ?? throw new DomainException(CoreText.Get("Hall.OnlyWaitingMove"));
        var slots = waiting.Select(s => s.Position).ToList();
        waiting.Remove(target);
        waiting.Insert(Math.Clamp(newIndex, 0, waiting.Count), target);
        for (var i = 0; i < waiting.Count; i++) waiting[i].Position = slots[i];
    }

    private static async Task EnsureInSessionAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        var d = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        if (d.State != DialogueState.InSession) throw new DomainException(CoreText.Get("Hall.NotInSession"));
    }

    /// <summary>What a queue change returns when it touched no petition (most do): the petitions screens need not reload.</summary>
    private static readonly Task<IReadOnlyList<int>> NoPetitionsChanged = Task.FromResult<IReadOnlyList<int>>([]);

    private Task<HallState> MutateAsync(Actor actor, int dialogueId, int? expectedVersion, int alsoSpeakerId,
        Func<PhoChauDbContext, Dialogue, List<Speaker>, int, Task<IReadOnlyList<int>>> change, CancellationToken ct,
        [CallerMemberName] string action = "") =>
        MutateAsync(actor, dialogueId, expectedVersion, change, ct, alsoSpeakerId: alsoSpeakerId, action: action);

    /// <summary>
    /// Applies a change to the session's queue in one transaction holding the database's write lock. The speakers come
    /// from the last saved state at the dialogue row's version (read once and kept, not read again for every action);
    /// the change works on copies, and only what it altered is saved, with the dialogue row touched under its version.
    /// A change based on what a screen showed (expectedVersion) is refused when the queue moved; the new state is
    /// announced once.
    /// </summary>
    private async Task<HallState> MutateAsync(Actor actor, int dialogueId, int? expectedVersion,
        Func<PhoChauDbContext, Dialogue, List<Speaker>, int, Task<IReadOnlyList<int>>> change, CancellationToken ct,
        bool requireInSession = true, int? alsoSpeakerId = null, bool fromSnapshot = true,
        [CallerMemberName] string action = "")
    {
        actor.Demand(Permission.Chair);
        var started = Stopwatch.GetTimestamp();
        var outcome = "refused";
        try
        {
            var state = await SaveChangeAsync(actor, dialogueId, expectedVersion, change, requireInSession, alsoSpeakerId, fromSnapshot, ct);
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
            metrics.QueueAction(action.EndsWith("Async", StringComparison.Ordinal) ? action[..^5] : action, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<HallState> SaveChangeAsync(Actor actor, int dialogueId, int? expectedVersion,
        Func<PhoChauDbContext, Dialogue, List<Speaker>, int, Task<IReadOnlyList<int>>> change, bool requireInSession, int? alsoSpeakerId,
        bool fromSnapshot, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct); // outside the gate: only the transaction need wait for it
            await using var relaxed = await groupCommit.RelaxAsync(db.Database.GetDbConnection(), ct);
            using var gate = await writeGate.EnterAsync(ct); // released right after the commit, or on a refusal
            await using var tx = await db.Database.BeginTransactionAsync(ct); // SQLite's BEGIN IMMEDIATE: the write lock
            // The row as this node last saved or read it, when the change needs no more of it than the snapshot keeps: the
            // save's UPDATE … WHERE Version = … still guards it, and a row moved by anyone else (another node, an edit of
            // the dialogue) fails that guard and is read afresh on the next attempt. Saves a read inside the write lock.
            // Only this context's commune's: another commune's session is not found, as the filtered read would say.
            var cached = attempt == 1 && fromSnapshot && snapshots.Latest(dialogueId) is { } latest
                         && latest.Dialogue.CommuneId == db.CurrentCommuneId
                         && (expectedVersion is null || expectedVersion == latest.Version) ? latest : null;
            Dialogue d;
            if (cached is not null)
            {
                d = HallSnapshot.Copy(cached.Dialogue);
                db.Dialogues.Attach(d);
            }
            else
                d = await db.Dialogues.SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
            HallSnapshot prior;
            List<Speaker> speakers;
            IReadOnlyList<int> changedPetitions;
            try
            {
                if (requireInSession && d.State != DialogueState.InSession)
                    throw new DomainException(CoreText.Get("Hall.NotInSession"));
                if (expectedVersion is { } v && d.Version != v)
                    throw new ConcurrencyConflictException(CoreText.Get("Hall.QueueChanged"));
                prior = snapshots.Get(dialogueId, d.Version) ?? await LoadSnapshotAsync(db, dialogueId, ct);

                // Detached copies: the change works on them, and only the ones it altered are attached for the save.
                speakers = prior.Speakers.Where(s => IsActive(s) || s.Id == alsoSpeakerId).Select(HallSnapshot.Copy).OrderBy(s => s.Position).ToList();
                var lastPosition = prior.Speakers.Count == 0 ? 0 : prior.Speakers.Max(s => s.Position);
                changedPetitions = await change(db, d, speakers, lastPosition);
            }
            catch (DomainException) when (cached is not null)
            {
                continue; // a refusal is made on the row itself, never on this node's copy of it
            }
            AttachChanged(db, prior, speakers);
            d.QueueChangedAtUtc = clock.GetUtcNow().UtcDateTime;
            // Marked modified even when the clock gives the same instant: the row's version must move on every change.
            db.Entry(d).Property(x => x.QueueChangedAtUtc).IsModified = true;
            try
            {
                await db.SaveChangesAsync(actor, ct); // UPDATE … WHERE Version = the version read: the guard of the whole queue
                await tx.CommitAsync(ct);
            }
            catch (ConcurrencyConflictException) when ((expectedVersion is null || cached is not null) && attempt < Retries)
            {
                continue; // read afresh: a screen's version is checked against the row itself before it is refused
            }
            catch (ConcurrencyConflictException) when (expectedVersion is not null)
            {
                throw new ConcurrencyConflictException(CoreText.Get("Hall.QueueChanged"));
            }
            var touched = db.Speakers.Local.Where(s => s.DialogueId == dialogueId).ToList();
            var newLinks = db.SpeakerPetitions.Local.Select(l => (l.SpeakerId, l.PetitionId)).ToList();
            var snapshot = prior.With(d, touched, newLinks);
            snapshots.Set(snapshot); // before the next change is let in: it starts from this one
            gate.Dispose();
            var state = snapshot.ToState(clock.GetUtcNow().UtcDateTime) with { PriorVersion = prior.Version, ChangedSpeakerIds = touched.Select(s => s.Id).ToList() };
            try
            {
                relaxed?.Flush(); // on the disk before anyone is told (see GroupCommit)
            }
            finally
            {
                // Announced once, with the state: the hub relay and the open screens need not read it again. Also when
                // the flush failed: the screens show what the database holds, and the operator is told of the disk.
                notifier.Publish(new HallChange(dialogueId, true, changedPetitions, state));
            }
            return state;
        }
    }
}

