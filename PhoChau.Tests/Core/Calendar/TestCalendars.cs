using PhoChau.Core.Calendar;

namespace PhoChau.Tests.Core.Calendar;

/// <summary>Working calendars as the portal builds them: shipped schedules, then the rules; one schedule a year, cached.</summary>
internal static class TestCalendars
{
    public static WorkingCalendar Shipped(IEnumerable<CalendarAdjustment>? adjustments = null, IEnumerable<HolidayRule>? extraRules = null)
    {
        var cache = new Dictionary<int, YearSchedule>();
        var adjusted = adjustments?.ToList() ?? [];
        var extra = extraRules?.ToList() ?? [];
        return new WorkingCalendar(year =>
        {
            if (!cache.TryGetValue(year, out var schedule))
                cache[year] = schedule = YearSchedule.Build(year, OfficialSchedules.For(year), adjusted, extra);
            return schedule;
        });
    }

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);
}
