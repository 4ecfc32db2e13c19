using PhoChau.Core.Calendar;
using PhoChau.Core.Text;

namespace PhoChau.Core.Dialogues;

/// <summary>Setting a dialogue up and moving it through its states (plan 4.1); deadlines follow its date.</summary>
public sealed class DialogueService(
    IDbContextFactory<PhoChauDbContext> dbFactory, DialogueInputValidator validator, CalendarService calendar, TimeProvider clock)
{
    public async Task<IReadOnlyList<DialogueSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Dialogues.AsNoTracking()
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.SessionDate).ThenByDescending(d => d.Id)
            .Select(d => new DialogueSummary(d.Id, d.Title, d.Year, d.SessionDate, d.StartTime, d.Venue, d.State))
            .ToListAsync(ct);
    }

    public async Task<Dialogue> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Dialogues.AsNoTracking().Include(d => d.Deadlines).SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
    }

    public async Task<IReadOnlyList<int>> ParticipantIdsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DialogueParticipants.Where(p => p.DialogueId == id).Select(p => p.DepartmentId).ToListAsync(ct);
    }

    /// <summary>Each deadline with the working days left today (negative when overdue).</summary>
    public async Task<IReadOnlyList<(DialogueDeadline Deadline, DueStatus? Status)>> DeadlinesAsync(int id, CancellationToken ct = default)
    {
        var dialogue = await GetAsync(id, ct);
        var cal = await calendar.GetCalendarAsync(ct);
        var today = VietnamTime.Today(clock);
        return dialogue.Deadlines.OrderBy(d => d.Id)
            .Select(d => (d, d.DueDate is { } due && d.MetOn is null ? DueStatus.Of(cal, today, due) : (DueStatus?)null))
            .ToList();
    }

    public Task<Dialogue> CreateAsync(Actor actor, DialogueInput input, CancellationToken ct = default) => CreateAsync(actor, input, null, ct);

    /// <param name="shape">Sets what the input does not carry (a cluster session's dialogue and villages) before the one save.</param>
    internal async Task<Dialogue> CreateAsync(Actor actor, DialogueInput input, Action<Dialogue>? shape, CancellationToken ct)
    {
        actor.Demand(Permission.ManageWorkflow);
        await validator.EnsureValidAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureParticipantsAsync(db, input.ParticipantIds, ct);
        await EnsureNotDuplicateAsync(db, input, null, ct);
        await EnsureVotersAsync(db, input, ct);
        var dialogue = new Dialogue { CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Deadlines = DeadlineService.Defaults() };
        Apply(dialogue, input);
        shape?.Invoke(dialogue);
        db.Dialogues.Add(dialogue);
        DeadlineService.Recount(db, dialogue, await calendar.GetCalendarAsync(ct));
        await db.SaveChangesAsync(actor, ct);
        db.DialogueParticipants.AddRange(input.ParticipantIds.Distinct().Select(pid => new DialogueParticipant { DialogueId = dialogue.Id, DepartmentId = pid }));
        await db.SaveChangesAsync(actor, ct);
        return dialogue;
    }

    /// <summary>Saves the edited details; a new date recounts every open deadline. A stale version is refused.</summary>
    public async Task UpdateAsync(Actor actor, int id, int expectedVersion, DialogueInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await validator.EnsureValidAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dialogue = await db.Dialogues.Include(d => d.Deadlines).SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        db.ExpectVersion(dialogue, expectedVersion);
        if (!DialogueStateMachine.IsEditable(dialogue.State))
            throw new DomainException(CoreText.Get("Dialogues.PastNoEdit"));
        await EnsureParticipantsAsync(db, input.ParticipantIds, ct);
        await EnsureNotDuplicateAsync(db, input, id, ct);
        await EnsureVotersAsync(db, input, ct);
        var moved = dialogue.AnnouncedOn is not null && dialogue.SessionDate != input.SessionDate;
        Apply(dialogue, input);
        if (moved) dialogue.AnnouncedOn = VietnamTime.Today(clock); // the new date is announced from today: the 7 days start again
        DeadlineService.Recount(db, dialogue, await calendar.GetCalendarAsync(ct));
        var current = await db.DialogueParticipants.Where(p => p.DialogueId == id).ToListAsync(ct);
        db.DialogueParticipants.RemoveRange(current.Where(c => !input.ParticipantIds.Contains(c.DepartmentId)));
        db.DialogueParticipants.AddRange(input.ParticipantIds.Distinct().Where(pid => current.All(c => c.DepartmentId != pid))
            .Select(pid => new DialogueParticipant { DialogueId = id, DepartmentId = pid }));
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>Draft → Announced needs a fixed date (the announcement carries it); other moves as the state machine allows.</summary>
    public async Task MoveAsync(Actor actor, int id, DialogueState to, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dialogue = await db.Dialogues.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        // Opening and ending happen in the hall, where opening asks first and ending takes the conclusion (issue 33.4).
        if (to is DialogueState.InSession or DialogueState.Concluded) throw new DomainException(CoreText.Get("Dialogues.OpenInHall"));
        DialogueStateMachine.EnsureCanMove(dialogue.State, to); // a refused move says so before the date is looked at
        if (to == DialogueState.Announced && dialogue.SessionDate is null)
            throw new DomainException(CoreText.Get("Dialogues.DateBeforeAnnounce"));
        dialogue.MoveTo(to);
        if (to == DialogueState.Announced) dialogue.AnnouncedOn ??= VietnamTime.Today(clock);
        await FollowedByClustersAsync(db, dialogue, to, ct);
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>
    /// A dialogue held by clusters: its announcement lists every cluster session with a date, so those are announced
    /// with it; cancelled, it cancels the sessions not yet held. A cancelled session frees its villages for another cluster.
    /// </summary>
    private async Task FollowedByClustersAsync(PhoChauDbContext db, Dialogue dialogue, DialogueState to, CancellationToken ct)
    {
        if (to is not (DialogueState.Announced or DialogueState.Cancelled)) return;
        var sessions = dialogue.ParentId is null
            ? await db.Dialogues.Where(c => c.ParentId == dialogue.Id).ToListAsync(ct)
            : [];
        foreach (var session in sessions.Where(c => DialogueStateMachine.CanMove(c.State, to)))
        {
            if (to == DialogueState.Announced && session.SessionDate is null) continue;
            session.MoveTo(to);
            if (to == DialogueState.Announced) session.AnnouncedOn ??= VietnamTime.Today(clock);
        }
        if (to == DialogueState.Cancelled)
        {
            var cancelled = sessions.Where(c => c.State == DialogueState.Cancelled).Select(c => c.Id).Append(dialogue.Id).ToList();
            db.ClusterVillages.RemoveRange(await db.ClusterVillages.Where(v => cancelled.Contains(v.DialogueId)).ToListAsync(ct));
        }
    }

    /// <summary>
    /// A second dialogue of the same year with the same title (ignoring case and diacritics) and the same session date is
    /// refused: saving the new-dialogue form twice must not leave two drafts nobody can tell apart.
    /// </summary>
    private static async Task EnsureNotDuplicateAsync(PhoChauDbContext db, DialogueInput input, int? exceptId, CancellationToken ct)
    {
        var title = VietnameseText.Fold(input.Title);
        var sameYear = await db.Dialogues.AsNoTracking()
            .Where(d => d.Year == input.Year && d.State != DialogueState.Cancelled && d.Id != (exceptId ?? 0) && d.SessionDate == input.SessionDate)
            .Select(d => new { d.Id, d.Title }).ToListAsync(ct);
        if (sameYear.FirstOrDefault(d => VietnameseText.Fold(d.Title) == title) is { } twin)
            throw DomainException.ForField(nameof(DialogueInput.Title), CoreText.Format("Dialogues.Duplicate", twin.Id));
    }

    private static void Apply(Dialogue d, DialogueInput x)
    {
        d.Title = x.Title.Trim();
        d.PlanNumber = x.PlanNumber.Trim();
        d.PlanDate = x.PlanDate;
        d.Year = x.Year;
        d.Quarter = x.Quarter;
        d.SessionDate = x.SessionDate;
        d.StartTime = x.StartTime;
        d.Venue = x.Venue.Trim();
        d.ChairName = x.ChairName.Trim();
        d.ChairIsDelegated = x.ChairIsDelegated;
        d.DelegationReference = x.ChairIsDelegated ? x.DelegationReference.Trim() : "";
        d.SecretaryName = x.SecretaryName.Trim();
        d.SpeakingTimeSeconds = x.SpeakingTimeSeconds;
        d.Agenda = x.Agenda.Trim();
        d.CoOrganiserName = x.CoOrganiserName.Trim();
        d.CoOrganiserTitle = x.CoOrganiserTitle.Trim();
        d.CoChairName = x.CoChairName.Trim();
        d.CoChairTitle = x.CoChairTitle.Trim();
        d.Form = x.Form;
        d.OnlineLink = x.Form == DialogueForm.InPerson ? "" : x.OnlineLink.Trim();
        d.Reason = x.Reason;
        d.VotersRequestDate = x.Reason == DialogueReason.VotersRequest ? x.VotersRequestDate : null;
        d.VotersRequestSignatures = x.Reason == DialogueReason.VotersRequest ? x.VotersRequestSignatures : null;
    }

    /// <summary>
    /// A voters' request cannot have more signatures than the commune has voters that year (when the administrator
    /// has given the number); below 10 % it is recorded all the same, it only does not oblige a dialogue.
    /// </summary>
    private static async Task EnsureVotersAsync(PhoChauDbContext db, DialogueInput x, CancellationToken ct)
    {
        if (x.Reason != DialogueReason.VotersRequest || x.VotersRequestSignatures is not { } n) return;
        var year = VoterCount.YearOf(x.VotersRequestDate, x.Year);
        var voters = await VoterCount.OfYearAsync(db, year, ct);
        if (voters is { } v && n > v) throw DomainException.ForField(nameof(DialogueInput.VotersRequestSignatures), CoreText.Format("Dialogues.SignaturesAboveVoters", n, v, year));
    }

    /// <summary>The voters' request of a dialogue against its year's number of voters; null when it is held for the yearly plan.</summary>
    public async Task<VotersRequestCheck?> VotersRequestAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        if (d.Reason != DialogueReason.VotersRequest || d.VotersRequestSignatures is not { } n) return null;
        return new VotersRequestCheck(n, await VoterCount.OfYearAsync(db, VoterCount.YearOf(d.VotersRequestDate, d.Year), ct));
    }

    /// <summary>The administrator's number of voters of a year (what a voters' request is measured against).</summary>
    public async Task SetVotersAsync(Actor actor, int year, int voters, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        if (year is < 2000 or > 2100) throw DomainException.ForField(nameof(VoterCount.Year), CoreText.Get("Dialogues.YearRange"));
        if (voters is < 1 or > 10_000_000) throw DomainException.ForField(nameof(VoterCount.Voters), CoreText.Get("Dialogues.VotersRange"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.VoterCounts.SingleOrDefaultAsync(v => v.Year == year, ct);
        if (row is null) db.VoterCounts.Add(row = new VoterCount { Year = year });
        row.Voters = voters;
        await db.SaveChangesAsync(actor, ct);
    }

    public async Task<int?> VotersAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await VoterCount.OfYearAsync(db, year, ct);
    }

    private static async Task EnsureParticipantsAsync(PhoChauDbContext db, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var found = await db.Departments.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        if (found.Count != ids.Distinct().Count()) throw DomainException.ForField(nameof(DialogueInput.ParticipantIds), CoreText.Get("Dialogues.ParticipantNotFound"));
        if (found.FirstOrDefault(d => !d.IsActive) is { } inactive)
            throw DomainException.ForField(nameof(DialogueInput.ParticipantIds), CoreText.Format("Dialogues.ParticipantInactive", inactive.Name));
    }
}
