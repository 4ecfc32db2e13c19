namespace PhoChau.Core.Dialogues;

/// <summary>What the law's clock says about a dialogue: a warning, with the date it counts to.</summary>
public sealed record LawWarning(LawWarningKind Kind, DateOnly Due, int Days);

public enum LawWarningKind
{
    /// <summary>The session is less than 7 days away and it has not been announced.</summary>
    NotAnnounced,
    /// <summary>It was announced, but less than 7 days before the session (or its date moved after the announcement).</summary>
    AnnouncedLate,
    /// <summary>More than 10 days since the session, and its results not published on every channel the law names.</summary>
    ResultsNotPublished,
}

/// <summary>
/// The Law on Organisation of Local Government 2025, art. 43, as the portal counts it: the time, place, content and
/// form are announced at least 7 days before the session; the results are published within 10 days after it (mass
/// media, the notice board at the headquarters, the village heads). The law says days, not working days, so these
/// are calendar days (the plan's own working-day deadlines still apply inside the commune). Both counts can be set
/// (<c>Law:AnnounceDays</c>, <c>Law:PublishDays</c>) where a province reads them otherwise.
/// </summary>
public static class LawClock
{
    /// <summary>The channels whose publication the law names; the website is recorded, but not required.</summary>
    public static readonly PublicationChannel[] Required = [PublicationChannel.Media, PublicationChannel.NoticeBoard, PublicationChannel.VillageHeads];

    public static bool IsPublished(IEnumerable<DialoguePublication> publications, DateOnly? heldOn) =>
        Required.All(c => publications.Any(p => p.Channel == c && (heldOn is null || p.PublishedOn >= heldOn)));

    public static IReadOnlyList<LawWarning> Of(Dialogue d, IReadOnlyList<DialoguePublication> publications, DateOnly today, int announceDays = 7, int publishDays = 10)
    {
        var warnings = new List<LawWarning>();
        if (d.State is DialogueState.Cancelled) return warnings;
        if (!d.WasHeld() && d.State != DialogueState.InSession && d.SessionDate is { } session)
        {
            var latest = session.AddDays(-announceDays); // the last day an announcement still gives the law's notice
            if (d.AnnouncedOn is { } announced)
            {
                if (announced > latest) warnings.Add(new LawWarning(LawWarningKind.AnnouncedLate, latest, session.DayNumber - announced.DayNumber));
            }
            else if (today > latest.AddDays(-1)) // from the last day on, and after it
                warnings.Add(new LawWarning(LawWarningKind.NotAnnounced, latest, session.DayNumber - today.DayNumber));
        }
        // A cluster session's results are published with its dialogue's, after the last session.
        if (d.ParentId is null && d.WasHeld() && d.HeldOn() is { } held && !IsPublished(publications, held))
        {
            var due = held.AddDays(publishDays);
            if (today > due) warnings.Add(new LawWarning(LawWarningKind.ResultsNotPublished, due, today.DayNumber - due.DayNumber));
        }
        return warnings;
    }
}
