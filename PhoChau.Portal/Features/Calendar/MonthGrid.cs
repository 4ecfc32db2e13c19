using PhoChau.Core.Calendar;

namespace PhoChau.Portal.Features.Calendar;

/// <summary>One month as weeks of seven cells, Monday first, as Vietnamese wall calendars print it.</summary>
public sealed record MonthGrid(int Month, IReadOnlyList<IReadOnlyList<DayCell?>> Weeks)
{
    public static MonthGrid Build(YearSchedule schedule, int month)
    {
        var first = new DateOnly(schedule.Year, month, 1);
        var lead = ((int)first.DayOfWeek + 6) % 7; // Monday = 0
        var cells = new List<DayCell?>(Enumerable.Repeat<DayCell?>(null, lead));
        for (var d = first; d.Month == month; d = d.AddDays(1)) cells.Add(DayCell.Of(schedule, d));
        while (cells.Count % 7 != 0) cells.Add(null);
        return new MonthGrid(month, cells.Chunk(7).Select(w => (IReadOnlyList<DayCell?>)w).ToList());
    }
}

public sealed record DayCell(DateOnly Date, DayKind Kind, string? Name, LunarDate Lunar)
{
    public static DayCell Of(YearSchedule schedule, DateOnly date)
    {
        var off = schedule.DaysOff.FirstOrDefault(d => d.Date == date);
        var makeUp = schedule.MakeUpWorkingDays.FirstOrDefault(d => d.Date == date);
        var kind = off is not null ? DayKind.DayOff
            : makeUp is not null ? DayKind.MakeUpWorkingDay
            : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend
            : DayKind.WorkingDay;
        return new DayCell(date, kind, off?.Name ?? makeUp?.Name, LunarCalendar.FromSolar(date));
    }

    /// <summary>The lunar date as printed under the solar one: the month on its first day, else the day.</summary>
    public string LunarLabel => Lunar.Day == 1 ? $"{Lunar.Day}/{Lunar.Month}{(Lunar.IsLeapMonth ? "n" : "")}" : Lunar.Day.ToString();
}

public enum DayKind { WorkingDay, Weekend, DayOff, MakeUpWorkingDay }
