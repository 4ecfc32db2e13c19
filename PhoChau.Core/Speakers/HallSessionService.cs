using System.Globalization;
using PhoChau.Core.Calendar;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The session's life in the hall (plan 4.2): opened by the chair, its agenda walked step by step, concluded. The
/// agenda and the conclusion go through the hall's write path like the queue's actions (<see cref="HallWrites"/>);
/// the petitions left for written replies at the conclusion are moved by Petitions' own rule.
/// </summary>
public sealed class HallSessionService(
    IDbContextFactory<PhoChauDbContext> dbFactory, HallWrites hall, CalendarService calendar, TimeProvider clock)
{
    /// <summary>The fields of why a session opens on another day than the announced one, and of the chair's conclusion.</summary>
    public const string OffDayReasonField = "OffDayReason", ConclusionField = "Conclusion";

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
        DeadlineService.Recount(db, d, await calendar.GetCalendarAsync(ct));
        db.Raise(new HallChanged(new HallChange(dialogueId, true, []))); // the hall's screens are told once it is committed
        await db.SaveChangesAsync(actor, ct);
    }

    public Task<HallState> SetAgendaStepAsync(Actor actor, int dialogueId, int step, CancellationToken ct = default) =>
        hall.RunAsync(actor, dialogueId, new HallAction(nameof(SetAgendaStepAsync)), (_, d, _, _) =>
        {
            var steps = d.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            if (step < 0 || step >= Math.Max(1, steps)) throw new DomainException(CoreText.Get("Hall.AgendaStepInvalid"));
            d.CurrentAgendaStep = step;
            return HallWrites.NoPetitionsChanged;
        }, ct);

    /// <summary>
    /// The chair concludes (plan 4.2 step 5): the current speaker's turn ends, the session ends and its conclusion is kept
    /// for the notice; the petitions not settled at the session are left for written replies in the same save.
    /// </summary>
    public async Task ConcludeAsync(Actor actor, int dialogueId, string? conclusion, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        if (string.IsNullOrWhiteSpace(conclusion)) throw DomainException.ForField(ConclusionField, CoreText.Get("Hall.ConclusionRequired"));
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) await ClusterService.EnsureAllHeldAsync(db, dialogueId, ct);
        // The conclusion is audited against the whole row: read in the write lock, not taken from this node's copy.
        await hall.RunAsync(actor, dialogueId, new HallAction(nameof(ConcludeAsync)) { FromSnapshot = false }, (db, d, speakers, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            SpeakerStateMachine.EndTurns(speakers, now);
            d.Conclusion = conclusion.Trim();
            d.ConcludedAtUtc = now;
            d.MoveTo(DialogueState.Concluded);
            return SessionOutcomeService.LeaveUnsettledForWrittenRepliesAsync(db, d.Id, now, ct);
        }, ct);
    }
}
