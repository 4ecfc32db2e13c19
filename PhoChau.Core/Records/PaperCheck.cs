using PhoChau.Core.Petitions;

namespace PhoChau.Core.Records;

/// <summary>A line a paper cannot go out with: a petition not yet decided (with its id, to settle it), or a line with a gap.</summary>
public sealed record UnfinishedLine(int? PetitionId, string? Code, string Text);

/// <summary>Refuses a paper with unfinished lines, naming each.</summary>
public sealed class UnfinishedPaperException(IReadOnlyList<UnfinishedLine> lines)
    : DomainException(CoreText.Format("Papers.Unfinished", lines.Count, string.Join("; ", lines.Take(10).Select(l => l.Text)) + (lines.Count > 10 ? "; …" : "")))
{
    public IReadOnlyList<UnfinishedLine> Lines { get; } = lines;
}

/// <summary>
/// Issue 33.1: the minutes, the notice of conclusions and the results report go out only when finished: the session
/// is over, every petition of it is decided (settled there, or given to a department with the replies' deadline), and
/// no line of the text still has a gap ("…", "(chưa giao bộ phận)").
/// </summary>
public static class PaperCheck
{
    /// <summary>What the composer writes where something is not known yet.</summary>
    public const string Gap = "…";

    /// <summary>The papers this check applies to (the plan and the announcement come before the session).</summary>
    public static bool Applies(DocumentKind kind) => kind is DocumentKind.Minutes or DocumentKind.Notice or DocumentKind.ResultsReport;

    /// <summary>The petitions of the record not yet decided, in their order.</summary>
    public static IReadOnlyList<UnfinishedLine> Undecided(SessionRecord r) =>
        r.InWriting.OrderBy(p => p.Number).Select(p => Reason(p) is { } reason
                ? new UnfinishedLine(p.Id, p.Code, CoreText.Format("Papers.PetitionUnfinished", p.Code, reason))
                : null)
            .OfType<UnfinishedLine>().ToList();

    /// <summary>Everything that keeps the paper from going out: the session not over, undecided petitions, lines with a gap.</summary>
    public static IReadOnlyList<UnfinishedLine> Of(SessionRecord r, IEnumerable<string> text)
    {
        // Before the session is over nothing else is worth listing: every petition is still to be decided there.
        if (!r.Dialogue.WasHeld()) return [new UnfinishedLine(null, null, CoreText.Get("Papers.NotHeld"))];
        var lines = new List<UnfinishedLine>();
        var undecided = Undecided(r);
        lines.AddRange(undecided);
        foreach (var line in text.Select(l => l.Trim()))
        {
            if (!line.Contains(Gap, StringComparison.Ordinal) && !line.Contains(SessionRecord.NotAssigned, StringComparison.Ordinal)) continue;
            if (undecided.Any(u => line.Contains(u.Code!, StringComparison.OrdinalIgnoreCase))) continue; // already named above
            lines.Add(new UnfinishedLine(null, null, CoreText.Format("Papers.LineUnfinished", line.Length > 120 ? line[..120] + "…" : line)));
        }
        return lines;
    }

    private static string? Reason(Petition p) => p.State switch
    {
        PetitionState.ReplySent or PetitionState.Closed => null, // answered: nothing left to decide
        _ when p.LeadDepartmentId is null => CoreText.Get("Papers.NoDepartment"),
        PetitionState.NotSettled when p.ReplyDueDate is not null => null,
        _ => CoreText.Get("Papers.NoDeadline"),
    };
}
