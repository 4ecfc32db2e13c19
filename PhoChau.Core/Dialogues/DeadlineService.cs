using PhoChau.Core.Calendar;

namespace PhoChau.Core.Dialogues;

/// <summary>
/// A dialogue's deadlines, as data (name, direction, working days) defaulting to the plan's 7 before /
/// 5 after / 10 after, and the due dates they give its petitions. Recounted whenever the session date,
/// a rule or the calendar changes; every changed due date lands in the audit trail.
/// </summary>
public sealed class DeadlineService(IDbContextFactory<PhoChauDbContext> dbFactory, CalendarService calendar) : ICalendarChangeListener
{
    /// <summary>Creates the plan's default deadlines of a new dialogue (not saved: the caller saves).</summary>
    public static List<DialogueDeadline> Defaults() => DeadlineRule.PlanDefaults.Select(r => new DialogueDeadline
    {
        Key = r.Key, Name = r.Name, Direction = r.Direction, WorkingDays = r.WorkingDays,
    }).ToList();

    public async Task<IReadOnlyList<DialogueDeadline>> ListAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DialogueDeadlines.AsNoTracking().Where(d => d.DialogueId == dialogueId).OrderBy(d => d.Id).ToListAsync(ct);
    }

    /// <summary>Moves (or fixes, or clears) the session date and recounts every open deadline of the dialogue.</summary>
    public async Task RescheduleAsync(Actor actor, int dialogueId, DateOnly? sessionDate, TimeOnly? startTime, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dialogue = await db.Dialogues.Include(d => d.Deadlines).SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
            ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        if (dialogue.State is DialogueState.Concluded or DialogueState.Closed or DialogueState.Cancelled)
            throw new DomainException(CoreText.Get("Dialogues.PastNoMove"));
        dialogue.SessionDate = sessionDate;
        dialogue.StartTime = startTime;
        Recount(db, dialogue, await calendar.GetCalendarAsync(ct));
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>Changes how many working days a deadline of one dialogue allows.</summary>
    public async Task SetWorkingDaysAsync(Actor actor, int deadlineId, int workingDays, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        if (workingDays is < 1 or > 60) throw new DomainException(CoreText.Get("Dialogues.DeadlineDaysRange"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadline = await db.DialogueDeadlines.FindAsync([deadlineId], ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.DeadlineNotFound"));
        var dialogue = await db.Dialogues.Include(d => d.Deadlines).SingleAsync(d => d.Id == deadline.DialogueId, ct);
        dialogue.Deadlines.Single(d => d.Id == deadlineId).WorkingDays = workingDays;
        Recount(db, dialogue, await calendar.GetCalendarAsync(ct));
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>The calendar changed (a correction or a new holiday): recount every dialogue not closed.</summary>
    public async Task CalendarChangedAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Dialogues.Include(d => d.Deadlines)
            .Where(d => d.State != DialogueState.Closed && d.State != DialogueState.Cancelled).ToListAsync(ct);
        var cal = await calendar.GetCalendarAsync(ct);
        foreach (var dialogue in open) Recount(db, dialogue, cal);
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>
    /// Sets each open deadline's due date from the session date; the petitions' answer and reply due dates follow
    /// in the save (<see cref="DeadlinesCounted"/>). A met deadline and a finished petition keep theirs.
    /// </summary>
    internal static void Recount(PhoChauDbContext db, Dialogue dialogue, WorkingCalendar cal)
    {
        if (dialogue.Deadlines.Count == 0) dialogue.Deadlines.AddRange(Defaults());
        // Before the session: from the announced day. After it: from the day it was held, once it was opened.
        foreach (var d in dialogue.Deadlines.Where(d => d.MetOn is null))
            d.DueDate = (d.Direction == DeadlineDirection.After ? dialogue.HeldOn() : dialogue.SessionDate) is { } date
                ? Deadlines.Compute(cal, new DeadlineRule(d.Key, d.Name, DeadlineRule.Session, d.Direction, d.WorkingDays), date)
                : null;

        // The petitions follow (Petitions handle it in this save: Dialogues do not reach into them).
        db.Raise(new DeadlinesCounted(dialogue,
            dialogue.Deadlines.FirstOrDefault(d => d.Key == DeadlineKeys.Answers)?.DueDate,
            dialogue.Deadlines.FirstOrDefault(d => d.Key == DeadlineKeys.Replies)?.DueDate));
    }
}
