using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Text;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Petitions;

/// <summary>
/// The petitions' work before the session (plan 4.1 and III): record, assign to a lead department with
/// its deadline, the department drafts an answer, the chair or secretary approves or returns it;
/// withdraw and merge duplicates. Every change goes through <see cref="PetitionStateMachine"/>, checks
/// the caller's role and department, and refuses a stale version instead of overwriting it.
/// </summary>
public sealed class PetitionService(
    IDbContextFactory<PhoChauDbContext> dbFactory, PetitionInputValidator validator, CalendarService calendar,
    TrackingPin pins, TimeProvider clock)
{
    public async Task<PetitionDetails> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        EnsureCanSee(actor, p);
        var showPersonal = actor.Allows(Permission.SeePersonalData);
        if (!showPersonal) { p.Phone = null; p.Address = null; p.IdCardNumber = null; p.Email = null; }
        var village = p.VillageId is { } v ? await db.Villages.Where(x => x.Id == v).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var lead = p.LeadDepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var supports = await db.PetitionSupports.Where(s => s.PetitionId == id).Select(s => s.DepartmentId).ToListAsync(ct);
        var all = await db.PetitionAttachments.AsNoTracking().Where(a => a.PetitionId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var files = all.Where(a => AttachmentService.CanOpen(actor, p, a)).ToList();
        // The due date that matters now: the answer before the session, the written reply after it.
        DateOnly? dueDate = PetitionStateMachine.AwaitingAnswer.Contains(p.State) ? p.AnswerDueDate
            : p.State == PetitionState.NotSettled ? p.ReplyDueDate : null;
        DueStatus? due = dueDate is { } date ? DueStatus.Of(await calendar.GetCalendarAsync(ct), VietnamTime.Today(clock), date) : null;
        return new PetitionDetails(p, village, lead, supports, files, showPersonal, due, all.Count - files.Count);
    }

    public Task<Petition> CreateAsync(Actor actor, PetitionInput input, CancellationToken ct = default) => CreateAsync(actor, input, null, ct);

    /// <summary>
    /// Records a petition; <paramref name="alongside"/>, when given, saves what goes with it (e.g. the phone request it
    /// came from) in the same transaction, once the petition has its id: both saved, or neither.
    /// </summary>
    public async Task<Petition> CreateAsync(Actor actor, PetitionInput input, Func<PhoChauDbContext, Petition, Task>? alongside, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await validator.EnsureValidAsync(input, ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // SQLite's BEGIN IMMEDIATE: the next number is read under the write lock, so two secretaries never take the same one.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var dialogue = await OpenDialogueAsync(db, input.DialogueId, ct);
            await EnsureVillageAsync(db, input.VillageId, ct);
            var number = await PetitionNumbers.LastAsync(db, dialogue, ct) + 1;
            var petition = new Petition
            {
                DialogueId = dialogue.Id, Number = number, Code = PetitionCode.Format(dialogue.Year, number),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            Apply(petition, input);
            if (input.ConsentGiven is { ConsentAtUtc: not null } given)
                (petition.ConsentAtUtc, petition.ConsentBy, petition.ConsentPurpose) = (given.ConsentAtUtc, given.ConsentBy, given.ConsentPurpose);
            else if (input.Consent) Consent.Record(petition, petition.CreatedAtUtc, actor.UserName);
            if (petition.WantsMessages()) petition.NotifyChangedAtUtc = petition.CreatedAtUtc;
            pins.Issue(petition, petition.CreatedAtUtc); // the receipt shows it once; only its hash is kept
            petition.MarkReceived(petition.CreatedAtUtc); // the save tells the citizen, in its transaction: both saved, or neither
            db.Petitions.Add(petition);
            // The unique (dialogue, number) index refuses a simultaneous insert of the same number: a new petition
            // depends on nothing the user saw, so it simply takes the next number.
            try
            {
                await db.SaveChangesAsync(actor, ct);
                if (alongside is not null) await alongside(db, petition);
                await tx.CommitAsync(ct);
                return petition;
            }
            catch (DbUpdateException) when (attempt < 5) { }
            catch (DbUpdateException) { throw new ConcurrencyConflictException(CoreText.Get("Petitions.SavedAtOnce")); }
        }
    }

    public async Task UpdateAsync(Actor actor, int id, int expectedVersion, PetitionInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await validator.EnsureValidAsync(input, ct);
        await ChangeAsync(actor, id, expectedVersion, async (db, p) =>
        {
            if (PetitionStateMachine.IsFinished(p.State)) throw new DomainException(CoreText.Get("Petitions.FinishedNoEdit"));
            await EnsureVillageAsync(db, input.VillageId, ct);
            input.DialogueId = p.DialogueId; // a petition stays in its dialogue (its code says so)
            var notify = (p.NotifyBySms, p.NotifyByZalo, p.NotifyByEmail);
            Apply(p, input);
            if ((p.NotifyBySms, p.NotifyByZalo, p.NotifyByEmail) != notify) p.NotifyChangedAtUtc = clock.GetUtcNow().UtcDateTime;
            // Consent once given stays as it was given (when, by whom, which text); one given now is recorded now.
            if (input.Consent && p.ConsentAtUtc is null) Consent.Record(p, clock.GetUtcNow().UtcDateTime, actor.UserName);
        }, ct);
    }

    /// <summary>Assigns the lead department (and supporting ones); the answer is due by the dialogue's "answers" deadline.</summary>
    public async Task AssignAsync(Actor actor, int id, int expectedVersion, int leadDepartmentId, IReadOnlyCollection<int>? supportingIds = null, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await ChangeAsync(actor, id, expectedVersion, async (db, p) =>
        {
            PetitionStateMachine.EnsureCanMove(p.State, PetitionState.Assigned); // before any read: a finished petition says so first
            var lead = await LeadDepartmentAsync(db, leadDepartmentId, ct);
            var supports = (supportingIds ?? []).Where(s => s != leadDepartmentId).Distinct().ToList();
            var supportUnits = await db.Departments.Where(d => supports.Contains(d.Id)).ToListAsync(ct);
            if (supportUnits.Count != supports.Count || supportUnits.Any(d => !d.IsActive))
                throw new DomainException(CoreText.Get("Petitions.SupportInvalid"));

            Assign(p, lead, await DeadlinesAsync(db, [p.DialogueId], ct));
            var existing = await db.PetitionSupports.Where(s => s.PetitionId == p.Id).ToListAsync(ct);
            db.PetitionSupports.RemoveRange(existing.Where(e => !supports.Contains(e.DepartmentId)));
            db.PetitionSupports.AddRange(supports.Where(s => existing.All(e => e.DepartmentId != s)).Select(s => new PetitionSupport { PetitionId = p.Id, DepartmentId = s }));
        }, ct);
    }

    /// <summary>
    /// The secretary's or chair's work queue: several petitions to one department at once, in one save (all or none: a
    /// petition that cannot be assigned is named with the reason and nothing changes).
    /// </summary>
    /// <param name="moveAssigned">
    /// Whether petitions another department already answers move to this one: unless asked, they are refused, named
    /// (issue 33.6: a bulk assignment silently moved them), and nothing changes.
    /// </param>
    public async Task<int> AssignManyAsync(Actor actor, IReadOnlyCollection<int> ids, int leadDepartmentId, bool moveAssigned = false, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) throw new DomainException(CoreText.Get("Petitions.AssignNoneSelected"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var petitions = await db.Petitions.Where(p => wanted.Contains(p.Id)).ToListAsync(ct);
        if (petitions.Count != wanted.Count) throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        var lead = await LeadDepartmentAsync(db, leadDepartmentId, ct);
        var elsewhere = petitions.Where(p => p.LeadDepartmentId is { } current && current != leadDepartmentId).OrderBy(p => p.Number).ToList();
        if (elsewhere.Count > 0 && !moveAssigned)
        {
            var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
            throw new AssignedElsewhereException(elsewhere.Select(p => (p.Id, p.Code, names.GetValueOrDefault(p.LeadDepartmentId!.Value, ""))).ToList());
        }
        var deadlines = await DeadlinesAsync(db, petitions.Select(p => p.DialogueId).Distinct().ToList(), ct);
        foreach (var p in petitions.OrderBy(p => p.Number))
        {
            EnsureCanSee(actor, p);
            try
            {
                Assign(p, lead, deadlines);
            }
            catch (DomainException ex)
            {
                throw new DomainException($"{p.Code}: {ex.Message}", ex); // which of the ticked petitions, and why
            }
        }
        foreach (var group in petitions.GroupBy(p => p.DialogueId))
            db.Raise(new PetitionsChanged(group.Key, group.Select(p => p.Id).ToList()));
        await db.SaveChangesAsync(actor, ct);
        return petitions.Count;
    }

    /// <summary>The department that answers: an active department, not a participating body.</summary>
    private static async Task<Department> LeadDepartmentAsync(PhoChauDbContext db, int id, CancellationToken ct)
    {
        var lead = await db.Departments.FindAsync([id], ct) ?? throw new DomainException(CoreText.Get("Petitions.LeadNotFound"));
        if (!lead.IsActive) throw new DomainException(CoreText.Format("Petitions.LeadInactive", lead.Name));
        if (lead.Kind != UnitKind.Department) throw new DomainException(CoreText.Format("Petitions.LeadIsBody", lead.Name));
        return lead;
    }

    /// <summary>What assigning needs of each dialogue: its phase, its answers' and replies' deadlines.</summary>
    private static async Task<IReadOnlyDictionary<int, AssignmentTerms>> DeadlinesAsync(PhoChauDbContext db, List<int> dialogueIds, CancellationToken ct)
    {
        var states = await db.Dialogues.Where(d => dialogueIds.Contains(d.Id)).Select(d => new { d.Id, d.State }).ToDictionaryAsync(d => d.Id, d => d.State, ct);
        var due = await db.DialogueDeadlines.Where(d => dialogueIds.Contains(d.DialogueId) && (d.Key == DeadlineKeys.Answers || d.Key == DeadlineKeys.Replies))
            .Select(d => new { d.DialogueId, d.Key, d.DueDate }).ToListAsync(ct);
        return dialogueIds.ToDictionary(id => id, id => new AssignmentTerms(AssignmentTerms.PhaseOf(states.GetValueOrDefault(id)),
            due.FirstOrDefault(d => d.DialogueId == id && d.Key == DeadlineKeys.Answers)?.DueDate,
            due.FirstOrDefault(d => d.DialogueId == id && d.Key == DeadlineKeys.Replies)?.DueDate));
    }

    private void Assign(Petition p, Department lead, IReadOnlyDictionary<int, AssignmentTerms> terms) =>
        p.AssignTo(lead, terms[p.DialogueId], clock.GetUtcNow().UtcDateTime, VietnamTime.Today(clock));

    /// <summary>The fields the petition page's own forms are refused under: the answer, the reason it is returned, the petition merged into.</summary>
    public const string AnswerField = "Answer", ReturnCommentField = "ReturnComment", MergeIntoField = "MergeInto";

    /// <summary>The lead department's officer submits (or resubmits) the answer; only its own department's petitions.</summary>
    public async Task SubmitAnswerAsync(Actor actor, int id, int expectedVersion, string? answer, CancellationToken ct = default)
    {
        actor.Demand(Permission.AnswerPetitions);
        if (string.IsNullOrWhiteSpace(answer)) throw DomainException.ForField(AnswerField, CoreText.Get("Petitions.AnswerEmpty"));
        if (answer.Length > PetitionInputValidator.MaxTextLength)
            throw DomainException.ForField(AnswerField, CoreText.Format("Petitions.AnswerLength", PetitionInputValidator.MaxTextLength));
        await ChangeAsync(actor, id, expectedVersion, (_, p) =>
        {
            actor.DemandDepartment(p.LeadDepartmentId);
            if (p.State != PetitionState.AnswerDrafted) p.MoveTo(PetitionState.AnswerDrafted); // a redraft stays drafted
            p.Answer = answer.Trim();
            p.AnswerSubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
            p.AnswerSubmittedBy = actor.UserName;
            return Task.CompletedTask;
        }, ct);
    }

    public async Task ApproveAnswerAsync(Actor actor, int id, int expectedVersion, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await ChangeAsync(actor, id, expectedVersion, (_, p) =>
        {
            p.MoveTo(PetitionState.AnswerApproved);
            p.AnswerApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
            p.AnswerApprovedBy = actor.UserName;
            p.ReturnComment = null;
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Sends a drafted answer back to the department with the reason; the draft is kept for it to edit.</summary>
    public async Task ReturnAnswerAsync(Actor actor, int id, int expectedVersion, string? comment, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        if (string.IsNullOrWhiteSpace(comment)) throw DomainException.ForField(ReturnCommentField, CoreText.Get("Petitions.ReturnReasonRequired"));
        await ChangeAsync(actor, id, expectedVersion, (_, p) =>
        {
            if (p.State != PetitionState.AnswerDrafted) throw new DomainException(CoreText.Get("Petitions.ReturnOnlyDraft"));
            p.MoveTo(PetitionState.Assigned);
            p.ReturnComment = comment.Trim();
            return Task.CompletedTask;
        }, ct);
    }

    public async Task WithdrawAsync(Actor actor, int id, int expectedVersion, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await ChangeAsync(actor, id, expectedVersion, (_, p) =>
        {
            p.MoveTo(PetitionState.Withdrawn);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Duplicates from several villages: the petition joins another of the same dialogue and its work ends there.</summary>
    public async Task MergeAsync(Actor actor, int id, int expectedVersion, int intoId, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        if (id == intoId) throw DomainException.ForField(MergeIntoField, CoreText.Get("Petitions.MergeSelf"));
        await ChangeAsync(actor, id, expectedVersion, async (db, p) =>
        {
            var target = await db.Petitions.FindAsync([intoId], ct) ?? throw DomainException.ForField(MergeIntoField, CoreText.Get("Petitions.MergeTargetNotFound"));
            if (target.DialogueId != p.DialogueId) throw DomainException.ForField(MergeIntoField, CoreText.Get("Petitions.MergeSameDialogue"));
            if (PetitionStateMachine.IsFinished(target.State))
                throw DomainException.ForField(MergeIntoField, CoreText.Format("Petitions.MergeTargetFinished", target.Code));
            p.MoveTo(PetitionState.Merged);
            p.MergedIntoPetitionId = target.Id;
        }, ct);
    }

    private async Task ChangeAsync(Actor actor, int id, int expectedVersion, Func<PhoChauDbContext, Petition, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Petitions.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        EnsureCanSee(actor, p);
        // What the user saw is what is checked: a change made meanwhile by another screen wins and this one is refused.
        db.ExpectVersion(p, expectedVersion);
        await change(db, p);
        // Screens of a session in the hall show petitions too: they are told once the save is committed.
        db.Raise(new PetitionsChanged(p.DialogueId, [p.Id]));
        await db.SaveChangesAsync(actor, ct);
    }

    private static void EnsureCanSee(Actor actor, Petition p)
    {
        if (actor.IsIn(Roles.DepartmentOfficer) && !actor.Allows(Permission.ManageWorkflow))
            actor.DemandDepartment(p.LeadDepartmentId);
    }

    /// <summary>
    /// The citizen stops the messages about their petition from the link every message carries (no sign-in, no PIN:
    /// the link's token works for that petition only). Messages already queued are then not sent.
    /// </summary>
    public async Task<string> StopMessagesAsync(int petitionId, string? token, CancellationToken ct = default)
    {
        if (!pins.VerifyLink(CitizenLinks.Stop, petitionId, token)) throw new NotFoundException(CoreText.Get("Public.NotFound"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Petitions.SingleOrDefaultAsync(x => x.Id == petitionId, ct) ?? throw new NotFoundException(CoreText.Get("Public.NotFound"));
        if (p.WantsMessages())
        {
            p.NotifyBySms = p.NotifyByZalo = p.NotifyByEmail = false;
            p.NotifyChangedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(Actor.Citizen, ct);
        }
        return p.Code;
    }

    /// <summary>The code of the petition a citizen's link names, when its token is right (what the link's page shows).</summary>
    public async Task<string?> CodeForLinkAsync(string purpose, int petitionId, string? token, CancellationToken ct = default)
    {
        if (!pins.VerifyLink(purpose, petitionId, token)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Petitions.AsNoTracking().Where(x => x.Id == petitionId).Select(x => x.Code).SingleOrDefaultAsync(ct);
    }

    private static async Task<Dialogue> OpenDialogueAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        var dialogue = await db.Dialogues.FindAsync([dialogueId], ct) ?? throw new DomainException(CoreText.Get("Dialogues.NotFound"));
        if (dialogue.State is DialogueState.Closed or DialogueState.Cancelled)
            throw new DomainException(CoreText.Get("Petitions.DialogueClosed"));
        return dialogue;
    }

    private static async Task EnsureVillageAsync(PhoChauDbContext db, int? villageId, CancellationToken ct)
    {
        if (villageId is null) return;
        var village = await db.Villages.FindAsync([villageId], ct) ?? throw DomainException.ForField(nameof(PetitionInput.VillageId), CoreText.Get("Petitions.VillageNotFound"));
        if (!village.IsActive) throw DomainException.ForField(nameof(PetitionInput.VillageId), CoreText.Format("Petitions.VillageInactive", village.Name));
    }

    internal static void Apply(Petition p, PetitionInput x)
    {
        p.PetitionerKind = x.PetitionerKind;
        p.PetitionerName = VietnameseText.CleanName(x.PetitionerName);
        p.VillageId = x.VillageId;
        p.VillageTyped = x.VillageId is null && VietnameseText.CleanName(x.VillageTyped ?? "") is { Length: > 0 and <= 100 } typed ? typed : null;
        p.Phone = PhoneNumber.StoredOrNull(x.Phone);
        p.Address = string.IsNullOrWhiteSpace(x.Address) ? null : x.Address.Trim();
        p.IdCardNumber = string.IsNullOrWhiteSpace(x.IdCardNumber) ? null : x.IdCardNumber.Trim();
        p.Channel = x.Channel;
        p.ReceivedOn = x.ReceivedOn;
        p.Field = x.Field;
        p.ProcedureName = string.IsNullOrWhiteSpace(x.ProcedureName) ? null : x.ProcedureName.Trim();
        p.Text = x.Text.Trim();
        p.Email = string.IsNullOrWhiteSpace(x.Email) ? null : x.Email.Trim();
        p.NotifyBySms = x.NotifyBySms;
        p.NotifyByZalo = x.NotifyByZalo;
        p.NotifyByEmail = x.NotifyByEmail;
        p.RefreshKeys();
    }
}

/// <summary>Ticked petitions another department already answers: named, so the user chooses to move them or leave them.</summary>
public sealed class AssignedElsewhereException(IReadOnlyList<(int Id, string Code, string Department)> petitions)
    : DomainException(CoreText.Format("Petitions.AssignedElsewhere", petitions.Count, string.Join(", ", petitions.Select(p => $"{p.Code} ({p.Department})"))))
{
    public IReadOnlyList<(int Id, string Code, string Department)> Petitions { get; } = petitions;
}
