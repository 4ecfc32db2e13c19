namespace PhoChau.Core.Calendar;

/// <summary>
/// An administrator's correction of a year: an extra weekday off, or a Saturday/Sunday worked (làm bù).
/// <paramref name="Reason"/> carries the notice, e.g. "Công văn 12729/VPCP-KGVX ngày 25/12/2025".
/// </summary>
public sealed record CalendarAdjustment(DateOnly Date, CalendarDayKind Kind, string Name, string Reason);
