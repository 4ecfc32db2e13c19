using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Speakers;

/// <summary>A speaker as the public live page shows them: by name only when they agreed to it (issue 35).</summary>
public sealed record LiveSpeaker(int Id, int Number, string Label, DateTime? StartedAtUtc, bool PointOfOrder, bool Remote);

/// <summary>A petition taken in the session: its code, field, department and state, never who raised it.</summary>
public sealed record LivePetition(int Id, string Code, string Field, string? Department, string State);

/// <summary>
/// What a citizen following the session from afar sees (issue 35): the agenda step, who speaks now and since when, the
/// next few and the one who registered last (a citizen sees their own registration land), the petitions taken and their department, the conclusion once read, and whether the results are out.
/// </summary>
public sealed record LiveSession(
    int DialogueId, string Title, DialogueState State, string StateName, DateOnly? SessionDate, TimeOnly? StartTime, string Venue,
    string? AgendaStep, int AgendaIndex, int AgendaCount, LiveSpeaker? Speaking, int SpeakingTimeSeconds,
    IReadOnlyList<LiveSpeaker> Next, int Waiting, LiveSpeaker? Latest, IReadOnlyList<LivePetition> Petitions, string? Conclusion, int Version,
    string ResultsAddress = "/ket-qua")
{
    /// <summary>How many of those waiting the page lists (the rest are counted).</summary>
    public const int NextShown = 5;

    /// <summary>The session is over: the page links to the published results.</summary>
    public bool IsOver => State is DialogueState.Concluded or DialogueState.Closed;
}

/// <summary>
/// The public live page's content, read from the hall's saved state (one row read while the queue has not moved) and
/// the session's petitions. A session not announced yet, cancelled, or unknown has no live page (null: 404).
/// </summary>
public sealed class LiveSessionService(IDbContextFactory<PhoChauDbContext> dbFactory, HallWrites hall)
{
    public async Task<LiveSession?> GetAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dialogues.AsNoTracking().Where(x => x.Id == dialogueId)
            .Select(x => new { x.State, x.Venue, x.StartTime, x.Conclusion }).SingleOrDefaultAsync(ct);
        if (d is null || d.State is DialogueState.Draft or DialogueState.Cancelled) return null;
        var state = await hall.GetStateAsync(dialogueId, ct);
        var linked = state.Queue.SelectMany(q => q.PetitionIds).Distinct().ToList();
        var petitions = linked.Count == 0 ? [] : await (
                from p in db.Petitions.AsNoTracking()
                where linked.Contains(p.Id)
                join dep in db.Departments on p.LeadDepartmentId equals dep.Id into deps
                from dep in deps.DefaultIfEmpty()
                orderby p.Number
                select new { p.Id, p.Code, p.Field, Department = dep.Name, p.State })
            .ToListAsync(ct);
        var waiting = state.Waiting;
        // On a province's server the results page needs the commune's code (?xa=), as the receipts' links carry it.
        var code = await db.CommuneProfiles.Where(c => c.Id == CommuneScope.Current).Select(c => c.Code).FirstOrDefaultAsync(ct);
        // A speaker's number is their place in the order of registration: it stays theirs when the queue is reordered.
        var numbers = state.Queue.OrderBy(q => q.SpeakerId).Select((q, i) => (q.SpeakerId, Number: i + 1)).ToDictionary(x => x.SpeakerId, x => x.Number);
        LiveSpeaker Shown(QueueEntry q) => LiveSessionService.Shown(q, numbers[q.SpeakerId]);
        return new LiveSession(
            state.DialogueId, state.Title, state.State, DialogueStateMachine.StateName(state.State), state.SessionDate, d.StartTime, d.Venue,
            state.AgendaSteps.Count > 0 ? state.AgendaSteps[Math.Clamp(state.CurrentAgendaStep, 0, state.AgendaSteps.Count - 1)] : null,
            state.CurrentAgendaStep, state.AgendaSteps.Count,
            state.Current is { } now ? Shown(now) : null, state.SpeakingTimeSeconds,
            waiting.Take(LiveSession.NextShown).Select(Shown).ToList(), waiting.Count,
            waiting.Count == 0 ? null : Shown(waiting.MaxBy(q => q.SpeakerId)!),
            petitions.Select(p => new LivePetition(p.Id, p.Code, PetitionLabels.Fields[p.Field], p.Department,
                PetitionStateMachine.StateName(p.State))).ToList(),
            state.State is DialogueState.Concluded or DialogueState.Closed ? d.Conclusion : null,
            state.Version,
            code is { Length: > 0 } ? "/ket-qua?xa=" + Uri.EscapeDataString(code) : "/ket-qua");
    }

    /// <summary>The speaker's name when they agreed; else their number (of registration) and where they come from.</summary>
    public static LiveSpeaker Shown(QueueEntry q, int number) => new(q.SpeakerId, number,
        q.NamedPublicly ? $"{q.Name} — {q.VillageOrOrganisation}".TrimEnd(' ', '—')
        : q.VillageOrOrganisation.Length > 0 ? CoreText.Format("Live.Anonymous", number, q.VillageOrOrganisation)
        : CoreText.Format("Live.AnonymousNoPlace", number),
        q.StartedAt, q.IsPointOfOrder, q.Remote);
}
