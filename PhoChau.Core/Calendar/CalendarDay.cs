namespace PhoChau.Core.Calendar;

/// <summary>A named day of a year's schedule, e.g. 2024-02-12 "Tết Nguyên đán" (DayOff).</summary>
public sealed record CalendarDay(DateOnly Date, string Name, CalendarDayKind Kind);
