using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;
using PhoChau.Core.Security;
using PhoChau.Core.Text;
using PhoChau.Core.Resources;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The session in the hall (plan 4.2): open it, walk the agenda, register speakers in order, reorder,
/// point of order, absent or withdrawn, call the next speaker, record what was said. Every change is
/// saved (with the dialogue row's version as the guard of the whole queue) before it is announced.
/// Time used is computed from stored timestamps, so a restart loses nothing.
/// </summary>
public sealed class SpeakerQueueService(
    IDbContextFactory<PhoChauDbContext> dbFactory, SpeakerInputValidator validator, PetitionService petitions,
    HallNotifier notifier, TimeProvider clock)
{
    private const int Retries = 3;

    public async Task<HallState> GetStateAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.DialogueId == dialogueId).OrderBy(s => s.Position).ToListAsync(ct);
        var ids = speakers.Select(s => s.Id).ToList();
        var links = await db.SpeakerPetitions.AsNoTracking().Where(l => ids.Contains(l.SpeakerId)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var queue = speakers.Select((s, i) => new QueueEntry(
            s.Id, i + 1, s.Name, s.VillageOrOrganisation, s.Topic, s.Status, s.IsPointOfOrder, s.StartedAtUtc,
            SecondsUsed(s, now), links.Where(l => l.SpeakerId == s.Id).Select(l => l.PetitionId).ToList(), s.Summary, s.AnswerGiven)).ToList();
        return new HallState(d.Id, d.Title, d.State, d.Version, d.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            d.CurrentAgendaStep, d.SpeakingTimeSeconds, d.SessionDate, queue);
    }

    /// <summary>Time used comes from the stored start and end, never from a screen's timer.</summary>
    public static int SecondsUsed(Speaker s, DateTime nowUtc) =>
        s.StartedAtUtc is { } start ? (int)Math.Max(0, ((s.EndedAtUtc ?? nowUtc) - start).TotalSeconds) : 0;

    public async Task OpenSessionAsync(Actor actor, int dialogueId, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dialogues.FindAsync([dialogueId], ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        DialogueStateMachine.EnsureCanMove(d.State, DialogueState.InSession);
        d.State = DialogueState.InSession;
        d.OpenedAtUtc = clock.GetUtcNow().UtcDateTime;
        d.CurrentAgendaStep = 0;
        await db.SaveChangesAsync(actor, ct);
        notifier.Publish(new HallChange(dialogueId, true, []));
    }

    /// <summary>The chair concludes (plan 4.2 step 5): the session ends and its conclusion is kept for the notice.</summary>
    public async Task ConcludeAsync(Actor actor, int dialogueId, string? conclusion, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        if (string.IsNullOrWhiteSpace(conclusion)) throw new DomainException(CoreText.Get("Hall.ConclusionRequired"));
        await MutateAsync(actor, dialogueId, null, (_, d, speakers) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var s in speakers.Where(s => s.Status == SpeakerStatus.Speaking)) { s.Status = SpeakerStatus.Done; s.EndedAtUtc = now; }
            d.Conclusion = conclusion.Trim();
            d.ConcludedAtUtc = now;
            d.State = DialogueState.Concluded;
            return Task.FromResult<IReadOnlyList<int>>([]);
        }, ct);
    }

    public Task<HallState> SetAgendaStepAsync(Actor actor, int dialogueId, int step, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, d, _) =>
        {
            var steps = d.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            if (step < 0 || step >= Math.Max(1, steps)) throw new DomainException(CoreText.Get("Hall.AgendaStepInvalid"));
            d.CurrentAgendaStep = step;
            return Task.FromResult<IReadOnlyList<int>>([]);
        }, ct);

    /// <summary>Adds a speaker at the end of the queue; the same person twice while waiting is refused.</summary>
    public async Task<HallState> RegisterAsync(Actor actor, int dialogueId, SpeakerInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await validator.EnsureValidAsync(input, ct);
        // A petition raised on the spot is recorded first (channel "at the session"), then linked.
        var petitionIds = input.PetitionIds.Distinct().ToList();
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            await EnsureInSessionAsync(check, dialogueId, ct);
            if (await check.Petitions.CountAsync(p => petitionIds.Contains(p.Id) && p.DialogueId == dialogueId, ct) != petitionIds.Count)
                throw new DomainException(CoreText.Get("Hall.PetitionNotInDialogue"));
        }
        if (!string.IsNullOrWhiteSpace(input.NewPetitionText))
        {
            var created = await petitions.CreateAsync(actor, new PetitionInput
            {
                DialogueId = dialogueId, PetitionerName = input.Name, Channel = PetitionChannel.AtSession,
                ReceivedOn = VietnamTime.Today(clock), Field = PetitionField.Other, Text = input.NewPetitionText,
            }, ct);
            petitionIds.Add(created.Id);
        }

        return await MutateAsync(actor, dialogueId, null, async (db, d, speakers) =>
        {
            var name = VietnameseText.CleanName(input.Name);
            var from = VietnameseText.CleanName(input.VillageOrOrganisation ?? "");
            if (speakers.Any(s => s.Status is SpeakerStatus.Waiting or SpeakerStatus.Speaking
                                  && VietnameseText.Fold(s.Name) == VietnameseText.Fold(name)
                                  && VietnameseText.Fold(s.VillageOrOrganisation) == VietnameseText.Fold(from)))
                throw new DomainException(CoreText.Format("Hall.AlreadyRegistered", name, from));
            var speaker = new Speaker
            {
                DialogueId = d.Id, Position = speakers.Count == 0 ? 1 : speakers.Max(s => s.Position) + 1, Name = name,
                VillageOrOrganisation = from, Topic = input.Topic?.Trim() ?? "", Status = SpeakerStatus.Waiting,
                RegisteredAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Speakers.Add(speaker);
            await db.SaveChangesAsync(actor, ct); // audited, and gives the id for the links; committed with the rest
            db.SpeakerPetitions.AddRange(petitionIds.Select(id => new SpeakerPetition { SpeakerId = speaker.Id, PetitionId = id }));
            return petitionIds;
        }, ct);
    }

    /// <summary>Moves a waiting speaker to another place among the waiting ones (0 = next to speak).</summary>
    public Task<HallState> MoveAsync(Actor actor, int dialogueId, int speakerId, int newWaitingIndex, int expectedVersion, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, expectedVersion, (_, _, speakers) =>
        {
            Reorder(speakers, speakerId, newWaitingIndex);
            return Task.FromResult<IReadOnlyList<int>>([]);
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
        MutateAsync(actor, dialogueId, expectedVersion, (_, _, speakers) =>
        {
            Reorder(speakers, speakerId, 0);
            speakers.Single(s => s.Id == speakerId).IsPointOfOrder = true;
            return Task.FromResult<IReadOnlyList<int>>([]);
        }, ct);

    public Task<HallState> MarkAsync(Actor actor, int dialogueId, int speakerId, SpeakerStatus status, int expectedVersion, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, expectedVersion, (_, _, speakers) =>
        {
            if (status is not (SpeakerStatus.Absent or SpeakerStatus.Withdrawn or SpeakerStatus.Waiting))
                throw new DomainException(CoreText.Get("Hall.MarkOnly"));
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.RegistrantNotFound"));
            if (status == SpeakerStatus.Waiting ? s.Status is not (SpeakerStatus.Absent or SpeakerStatus.Withdrawn) : s.Status != SpeakerStatus.Waiting)
                throw new DomainException(CoreText.Format("Hall.CannotChangeStatus", s.Name));
            s.Status = status;
            return Task.FromResult<IReadOnlyList<int>>([]);
        }, ct);

    /// <summary>
    /// Ends the current speaker and calls the first waiting one. Given the version the chair's screen showed,
    /// a queue changed meanwhile is refused rather than calling someone the chair did not see.
    /// </summary>
    public Task<HallState> CallNextAsync(Actor actor, int dialogueId, int? expectedVersion, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, expectedVersion, (_, _, speakers) =>
        {
            var next = speakers.Where(s => s.Status == SpeakerStatus.Waiting).OrderBy(s => s.Position).FirstOrDefault()
                ?? throw new DomainException(CoreText.Get("Hall.NoOneWaiting"));
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var s in speakers.Where(s => s.Status == SpeakerStatus.Speaking)) { s.Status = SpeakerStatus.Done; s.EndedAtUtc = now; }
            next.Status = SpeakerStatus.Speaking;
            next.StartedAtUtc = now;
            return Task.FromResult<IReadOnlyList<int>>([]);
        }, ct);

    /// <summary>Ends the current speaker without calling anyone (the last one, or before a break).</summary>
    public Task<HallState> EndCurrentAsync(Actor actor, int dialogueId, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, _, speakers) =>
        {
            var current = speakers.SingleOrDefault(s => s.Status == SpeakerStatus.Speaking) ?? throw new DomainException(CoreText.Get("Hall.NoOneSpeaking"));
            current.Status = SpeakerStatus.Done;
            current.EndedAtUtc = clock.GetUtcNow().UtcDateTime;
            return Task.FromResult<IReadOnlyList<int>>([]);
        }, ct);

    /// <summary>The minutes as the session runs: what the speaker said and the answer given.</summary>
    public Task<HallState> RecordMinutesAsync(Actor actor, int dialogueId, int speakerId, string? summary, string? answerGiven, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, _, speakers) =>
        {
            if ((summary?.Length ?? 0) > 8000 || (answerGiven?.Length ?? 0) > 8000) throw new DomainException(CoreText.Get("Hall.MinutesTooLong"));
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.SpeakerNotFound"));
            s.Summary = summary?.Trim() ?? "";
            s.AnswerGiven = answerGiven?.Trim() ?? "";
            return Task.FromResult<IReadOnlyList<int>>([]);
        }, ct, requireInSession: false);

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

    /// <summary>
    /// Loads the dialogue and its speakers, applies the change, touches the dialogue row and saves all in one
    /// transaction. A change based on what a screen showed (expectedVersion) is refused when the queue moved;
    /// one that does not depend on it (a registration) is retried on the newer state.
    /// </summary>
    private async Task<HallState> MutateAsync(Actor actor, int dialogueId, int? expectedVersion,
        Func<PhoChauDbContext, Dialogue, List<Speaker>, Task<IReadOnlyList<int>>> change, CancellationToken ct, bool requireInSession = true)
    {
        actor.Demand(Permission.Chair);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var d = await db.Dialogues.SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
            if (requireInSession && d.State != DialogueState.InSession)
                throw new DomainException(CoreText.Get("Hall.NotInSession"));
            if (expectedVersion is { } v && d.Version != v)
                throw new ConcurrencyConflictException(CoreText.Get("Hall.QueueChanged"));
            var speakers = await db.Speakers.Where(s => s.DialogueId == dialogueId).OrderBy(s => s.Position).ToListAsync(ct);
            var changedPetitions = await change(db, d, speakers);
            d.QueueChangedAtUtc = clock.GetUtcNow().UtcDateTime;
            // Marked modified even when the clock gives the same instant: the row's version must move on every change.
            db.Entry(d).Property(x => x.QueueChangedAtUtc).IsModified = true;
            try
            {
                await db.SaveChangesAsync(actor, ct);
                await tx.CommitAsync(ct);
            }
            catch (ConcurrencyConflictException) when (expectedVersion is null && attempt < Retries)
            {
                continue;
            }
            notifier.Publish(new HallChange(dialogueId, true, changedPetitions));
            return await GetStateAsync(dialogueId, ct);
        }
    }
}
