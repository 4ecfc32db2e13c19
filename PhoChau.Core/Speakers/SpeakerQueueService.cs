using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Text;
using System.Data;
using System.Runtime.CompilerServices;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The speakers' queue in the hall (plan 4.2): register speakers in order, reorder, point of order, absent or
/// withdrawn, call the next speaker, record what was said. Every change goes through the hall's write path
/// (<see cref="HallWrites"/>: saved under the dialogue row's version, the guard of the whole queue, before it is
/// announced). Opening, the agenda and the conclusion are the session's (<see cref="HallSessionService"/>). Time used is
/// computed from stored timestamps, so a restart loses nothing.
/// </summary>
public sealed class SpeakerQueueService(
    IDbContextFactory<PhoChauDbContext> dbFactory, SpeakerInputValidator validator, PetitionService petitions, HallWrites hall, TimeProvider clock)
{
    /// <summary>The saved state: one row read when the queue has not changed since it was last read or saved.</summary>
    public Task<HallState> GetStateAsync(int dialogueId, CancellationToken ct = default) => hall.GetStateAsync(dialogueId, ct);

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
                NamedPublicly = input.NamedPublicly, Remote = input.Remote,
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
            return HallWrites.NoPetitionsChanged;
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
            return HallWrites.NoPetitionsChanged;
        }, ct);

    public Task<HallState> MarkAsync(Actor actor, int dialogueId, int speakerId, SpeakerStatus status, int expectedVersion, CancellationToken ct = default) =>
        hall.RunAsync(actor, dialogueId, new HallAction(nameof(MarkAsync), expectedVersion) { AlsoSpeakerId = speakerId }, (_, _, speakers, _) =>
        {
            if (status is not (SpeakerStatus.Absent or SpeakerStatus.Withdrawn or SpeakerStatus.Waiting))
                throw new DomainException(CoreText.Get("Hall.MarkOnly"));
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.RegistrantNotFound"));
            s.MoveTo(status);
            return HallWrites.NoPetitionsChanged;
        }, ct);

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
            return HallWrites.NoPetitionsChanged;
        }, ct);

    /// <summary>The secretary has the remote speaker now speaking heard in the hall: the call connected in time.</summary>
    public Task<HallState> AnsweredAsync(Actor actor, int dialogueId, int speakerId, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, _, speakers, _) =>
        {
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.SpeakerNotFound"));
            s.Answered(clock.GetUtcNow().UtcDateTime);
            return HallWrites.NoPetitionsChanged;
        }, ct);

    /// <summary>
    /// A remote speaker called <paramref name="answerTime"/> ago who has not answered is marked absent ("không trả lời"),
    /// and the chair moves on, as in the hall; refused when they answered, were ended or the time has not passed.
    /// </summary>
    public Task<HallState> MarkUnansweredAsync(Actor actor, int dialogueId, int speakerId, TimeSpan answerTime, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, _, speakers, _) =>
        {
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.SpeakerNotFound"));
            s.NotAnswered(clock.GetUtcNow().UtcDateTime, answerTime);
            return HallWrites.NoPetitionsChanged;
        }, ct);

    /// <summary>Ends the current speaker without calling anyone (the last one, or before a break).</summary>
    public Task<HallState> EndCurrentAsync(Actor actor, int dialogueId, CancellationToken ct = default) =>
        MutateAsync(actor, dialogueId, null, (_, _, speakers, _) =>
        {
            if (!speakers.Any(s => s.Status == SpeakerStatus.Speaking)) throw new DomainException(CoreText.Get("Hall.NoOneSpeaking"));
            SpeakerStateMachine.EndTurns(speakers, clock.GetUtcNow().UtcDateTime);
            return HallWrites.NoPetitionsChanged;
        }, ct);

    /// <summary>The minutes as the session runs: what the speaker said and the answer given.</summary>
    public Task<HallState> RecordMinutesAsync(Actor actor, int dialogueId, int speakerId, string? summary, string? answerGiven, CancellationToken ct = default) =>
        hall.RunAsync(actor, dialogueId, new HallAction(nameof(RecordMinutesAsync)) { RequireInSession = false, AlsoSpeakerId = speakerId }, (_, _, speakers, _) =>
        {
            if ((summary?.Length ?? 0) > 8000 || (answerGiven?.Length ?? 0) > 8000) throw new DomainException(CoreText.Get("Hall.MinutesTooLong"));
            var s = speakers.SingleOrDefault(x => x.Id == speakerId) ?? throw new NotFoundException(CoreText.Get("Hall.SpeakerNotFound"));
            s.Summary = summary?.Trim() ?? "";
            s.AnswerGiven = answerGiven?.Trim() ?? "";
            return HallWrites.NoPetitionsChanged;
        }, ct);

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

    /// <summary>A queue action through the hall's write path (<see cref="HallWrites"/>), named for the metrics.</summary>
    private Task<HallState> MutateAsync(Actor actor, int dialogueId, int? expectedVersion, HallStep change, CancellationToken ct,
        [CallerMemberName] string action = "") =>
        hall.RunAsync(actor, dialogueId, new HallAction(action, expectedVersion), change, ct);
}
