namespace PhoChau.Core.Speakers;

/// <summary>A turn's time as every screen and report counts and writes it: seconds from the stored start, shown as mm:ss.</summary>
public static class SpeakingTime
{
    /// <summary>Seconds from the stored start to the end (or now, while speaking); 0 before the turn began.</summary>
    public static int SecondsUsed(DateTime? startedAtUtc, DateTime? endedAtUtc, DateTime nowUtc) =>
        startedAtUtc is { } start ? (int)Math.Max(0, ((endedAtUtc ?? nowUtc) - start).TotalSeconds) : 0;

    public static int SecondsUsed(Speaker speaker, DateTime nowUtc) => SecondsUsed(speaker.StartedAtUtc, speaker.EndedAtUtc, nowUtc);

    /// <summary>"mm:ss", with a minus sign once the time allowed is over.</summary>
    public static string Format(int seconds) =>
        $"{(seconds < 0 ? "-" : "")}{Math.Abs(seconds) / 60:00}:{Math.Abs(seconds) % 60:00}";

    /// <summary>One village's (or organisation's) share of the floor: who spoke, for how long in all, on average, at most, and over the limit.</summary>
    public sealed record VillageTime(string Village, int Speakers, int TotalSeconds, int AverageSeconds, int LongestSeconds, int OverLimit);

    /// <summary>
    /// Issue 33 (OpenSlides' speaking-time statistics): the speaking time of those who spoke, by village or organisation,
    /// most time first; <paramref name="allowedSeconds"/> is the time each was given.
    /// </summary>
    public static IReadOnlyList<VillageTime> ByVillage(IEnumerable<Speaker> speakers, int allowedSeconds, DateTime nowUtc) =>
        speakers.Where(s => s.StartedAtUtc is not null)
            .GroupBy(s => string.IsNullOrWhiteSpace(s.VillageOrOrganisation) ? "—" : s.VillageOrOrganisation.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var used = g.Select(s => SecondsUsed(s, nowUtc)).ToList();
                return new VillageTime(g.First().VillageOrOrganisation.Trim() is { Length: > 0 } v ? v : "—", used.Count, used.Sum(),
                    (int)Math.Round(used.Average()), used.Max(), used.Count(u => u > allowedSeconds));
            })
            .OrderByDescending(v => v.TotalSeconds).ThenBy(v => v.Village, StringComparer.Ordinal).ToList();
}
