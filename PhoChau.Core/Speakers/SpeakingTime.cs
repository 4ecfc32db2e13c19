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
}
