using PhoChau.Core.Calendar;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Records;

namespace PhoChau.Core.AfterSession;

/// <summary>
/// The documents after the session (plan 4.2 end, 4.3): the minutes, drafted from the record, edited by the
/// secretary and locked once final (a correction is a new version); and the notice of the chair's conclusions,
/// due by the dialogue's "conclusion" deadline, approved by the chair and issued with its number and date.
/// </summary>
public sealed class AfterSessionService(IDbContextFactory<PhoChauDbContext> dbFactory, CalendarService calendar, TimeProvider clock,
    OutgoingRegisterService register)
{
    public async Task<IReadOnlyList<Minutes>> MinutesVersionsAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Minutes.AsNoTracking().Where(m => m.DialogueId == dialogueId).OrderByDescending(m => m.VersionNumber).ToListAsync(ct);
    }

    /// <summary>Drafts the first minutes from the record, or, once the latest is final, a new version to correct it.</summary>
    public async Task<Minutes> DraftMinutesAsync(Actor actor, int dialogueId, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await SessionRecordReader.ReadAsync(db, dialogueId, ct, withClusters: false); // the minutes are one session's
        EnsureHeld(record.Dialogue);
        var latest = await db.Minutes.Where(m => m.DialogueId == dialogueId).OrderByDescending(m => m.VersionNumber).FirstOrDefaultAsync(ct);
        if (latest is { IsFinal: false }) throw new DomainException(CoreText.Get("After.MinutesDraftExists"));
        var minutes = new Minutes
        {
            DialogueId = dialogueId, VersionNumber = (latest?.VersionNumber ?? 0) + 1,
            Content = latest?.Content ?? MinutesComposer.Minutes(record),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.UserName,
        };
        db.Minutes.Add(minutes);
        await db.SaveChangesAsync(actor, ct);
        return minutes;
    }

    public Task SaveMinutesAsync(Actor actor, int minutesId, int expectedVersion, string? content, CancellationToken ct = default) =>
        ChangeMinutesAsync(actor, minutesId, expectedVersion, m =>
        {
            if (string.IsNullOrWhiteSpace(content)) throw new DomainException(CoreText.Get("After.MinutesEmpty"));
            if (content.Length > 100_000) throw new DomainException(CoreText.Get("After.MinutesTooLong"));
            m.Content = content.Trim();
        }, ct);

    /// <summary>Final only when finished: the session's petitions decided and no line left with a gap (issue 33.1).</summary>
    public async Task FinaliseMinutesAsync(Actor actor, int minutesId, int expectedVersion, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var m = await db.Minutes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == minutesId, ct) ?? throw new NotFoundException(CoreText.Get("After.MinutesNotFound"));
            await EnsureFinishedAsync(db, m.DialogueId, m.Content, withClusters: false, ct);
        }
        await ChangeMinutesAsync(actor, minutesId, expectedVersion, m =>
        {
            m.IsFinal = true;
            m.FinalisedAtUtc = clock.GetUtcNow().UtcDateTime;
            m.FinalisedBy = actor.UserName;
        }, ct);
    }

    private async Task ChangeMinutesAsync(Actor actor, int minutesId, int expectedVersion, Action<Minutes> change, CancellationToken ct)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.Minutes.FindAsync([minutesId], ct) ?? throw new NotFoundException(CoreText.Get("After.MinutesNotFound"));
        if (m.IsFinal) throw new DomainException(CoreText.Format("After.MinutesFinal", m.VersionNumber));
        db.ExpectVersion(m, expectedVersion);
        change(m);
        await db.SaveChangesAsync(actor, ct);
    }

    public async Task<(ConclusionNotice? Notice, DueStatus? Due)> NoticeAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notice = await db.ConclusionNotices.AsNoTracking().SingleOrDefaultAsync(n => n.DialogueId == dialogueId, ct);
        var due = await db.DialogueDeadlines.AsNoTracking().Where(d => d.DialogueId == dialogueId && d.Key == DeadlineKeys.Conclusion)
            .Select(d => d.DueDate).SingleOrDefaultAsync(ct);
        DueStatus? status = due is { } date && notice?.State != NoticeState.Issued
            ? DueStatus.Of(await calendar.GetCalendarAsync(ct), VietnamTime.Today(clock), date) : null;
        return (notice, status);
    }

    public async Task<ConclusionNotice> DraftNoticeAsync(Actor actor, int dialogueId, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await SessionRecordReader.ReadAsync(db, dialogueId, ct);
        EnsureHeld(record.Dialogue);
        if (await db.ConclusionNotices.AnyAsync(n => n.DialogueId == dialogueId, ct)) throw new DomainException(CoreText.Get("After.NoticeExists"));
        var notice = new ConclusionNotice { DialogueId = dialogueId, Content = MinutesComposer.Notice(record) }; // a new notice is a draft
        db.ConclusionNotices.Add(notice);
        await db.SaveChangesAsync(actor, ct);
        return notice;
    }

    public Task SaveNoticeAsync(Actor actor, int noticeId, int expectedVersion, string? content, CancellationToken ct = default) =>
        ChangeNoticeAsync(actor, noticeId, expectedVersion, Permission.ManageWorkflow, (_, n) =>
        {
            NoticeStateMachine.EnsureCanMove(n.State, NoticeState.Draft);
            if (string.IsNullOrWhiteSpace(content)) throw new DomainException(CoreText.Get("After.NoticeEmpty"));
            n.Content = content.Trim();
            n.MoveTo(NoticeState.Draft); // an edited text needs the chair's approval again
            n.ApprovedAtUtc = null;
            n.ApprovedBy = null;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Only the chair (Chairman, or the Vice-chairman who chaired) approves the notice.</summary>
    public Task ApproveNoticeAsync(Actor actor, int noticeId, int expectedVersion, CancellationToken ct = default) =>
        ChangeNoticeAsync(actor, noticeId, expectedVersion, Permission.Chair, async (db, n) =>
        {
            if (!actor.IsAny(Roles.Chairman, Roles.ViceChairman)) throw new ForbiddenException(CoreText.Get("After.OnlyChairApproves"));
            await EnsureFinishedAsync(db, n.DialogueId, n.Content, withClusters: true, ct); // nothing is signed with a gap
            n.MoveTo(NoticeState.Approved);
            n.ApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
            n.ApprovedBy = actor.UserName;
        }, ct);

    /// <summary>Records the number and date of issue; the dialogue's "conclusion" deadline is then met.</summary>
    public Task IssueNoticeAsync(Actor actor, int noticeId, int expectedVersion, string? number, DateOnly issuedOn, CancellationToken ct = default) =>
        ChangeNoticeAsync(actor, noticeId, expectedVersion, Permission.ManageWorkflow, async (db, n) =>
        {
            NoticeStateMachine.EnsureCanMove(n.State, NoticeState.Issued); // the state's reason comes before the number's
            if (string.IsNullOrWhiteSpace(number) || number.Length > 50) throw new DomainException(CoreText.Get("After.NoticeNumberRequired"));
            if (issuedOn > VietnamTime.Today(clock)) throw new DomainException(CoreText.Get("After.IssuedInFuture"));
            await EnsureFinishedAsync(db, n.DialogueId, n.Content, withClusters: true, ct);
            // The notice's number comes from the commune's outgoing register (issue 33.2).
            var entry = await register.TakeAsync(db, actor, n.DialogueId, DocumentKind.Notice, number, issuedOn, ct);
            n.Number = entry.NumberAndSymbol;
            n.IssuedOn = issuedOn;
            n.MoveTo(NoticeState.Issued);
            var deadline = await db.DialogueDeadlines.SingleOrDefaultAsync(d => d.DialogueId == n.DialogueId && d.Key == DeadlineKeys.Conclusion, ct);
            if (deadline is not null) deadline.MetOn = issuedOn;
        }, ct);

    private async Task ChangeNoticeAsync(Actor actor, int noticeId, int expectedVersion, Permission permission,
        Func<PhoChauDbContext, ConclusionNotice, Task> change, CancellationToken ct)
    {
        actor.Demand(permission);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.ConclusionNotices.FindAsync([noticeId], ct) ?? throw new NotFoundException(CoreText.Get("After.NoticeNotFound"));
        db.ExpectVersion(n, expectedVersion);
        await change(db, n);
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>The dialogue's petitions (its cluster sessions' included) still to decide, for the page after the session.</summary>
    public async Task<IReadOnlyList<UnfinishedLine>> UndecidedAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return PaperCheck.Undecided(await SessionRecordReader.ReadAsync(db, dialogueId, ct));
    }

    /// <summary>What keeps a drafted notice or minutes from going out: undecided petitions, lines with a gap.</summary>
    public async Task<IReadOnlyList<UnfinishedLine>> UnfinishedAsync(int dialogueId, string content, bool withClusters, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CheckAsync(db, dialogueId, content, withClusters, ct);
    }

    private static async Task<IReadOnlyList<UnfinishedLine>> CheckAsync(PhoChauDbContext db, int dialogueId, string content, bool withClusters, CancellationToken ct) =>
        PaperCheck.Of(await SessionRecordReader.ReadAsync(db, dialogueId, ct, withClusters), content.Split('\n'));

    private static async Task EnsureFinishedAsync(PhoChauDbContext db, int dialogueId, string content, bool withClusters, CancellationToken ct)
    {
        if (await CheckAsync(db, dialogueId, content, withClusters, ct) is { Count: > 0 } unfinished) throw new UnfinishedPaperException(unfinished);
    }

    private static void EnsureHeld(Dialogue d)
    {
        if (!d.WasHeld())
            throw new DomainException(CoreText.Get("After.NotConcluded"));
    }
}
