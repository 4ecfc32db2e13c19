namespace PhoChau.Core.Common;

/// <summary>The commune's clock is UTC+7 all year (no daylight saving): "today" is Vietnam's today.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset).DateTime;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));
}
