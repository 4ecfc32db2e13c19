namespace PhoChau.Core.Calendar;

/// <summary>One year's weekday days off and make-up working weekend days, as the working calendar uses them.</summary>
public sealed class YearSchedule
{
    private readonly HashSet<DateOnly> daysOff;
    private readonly HashSet<DateOnly> makeUpWorkingDays;

    /// <summary>Keeps the year's weekday days off and weekend make-up days, once each (the first name wins), sorted.</summary>
    public YearSchedule(int year, ScheduleSource source, IEnumerable<CalendarDay> daysOff, IEnumerable<CalendarDay> makeUpWorkingDays)
    {
        LunarCalendar.EnsureYear(year);
        Year = year;
        Source = source;
        DaysOff = Normalize(daysOff, CalendarDayKind.DayOff, weekend: false);
        MakeUpWorkingDays = Normalize(makeUpWorkingDays, CalendarDayKind.MakeUpWorkingDay, weekend: true);
        this.daysOff = [.. DaysOff.Select(d => d.Date)];
        this.makeUpWorkingDays = [.. MakeUpWorkingDays.Select(d => d.Date)];
    }

    public int Year { get; }
    public ScheduleSource Source { get; }
    /// <summary>Monday–Friday days off, sorted.</summary>
    public IReadOnlyList<CalendarDay> DaysOff { get; }
    /// <summary>Saturdays/Sundays worked, sorted.</summary>
    public IReadOnlyList<CalendarDay> MakeUpWorkingDays { get; }

    public bool IsDayOff(DateOnly date) => daysOff.Contains(date);

    public bool IsMakeUpWorkingDay(DateOnly date) => makeUpWorkingDays.Contains(date);

    /// <summary>
    /// The official schedule if there is one, else the statutory rules; then the extra rules' days (a holiday
    /// enacted after the announcement still counts); then the administrator's adjustments of that year.
    /// </summary>
    public static YearSchedule Build(int year, OfficialSchedule? official, IEnumerable<CalendarAdjustment> adjustments, IEnumerable<HolidayRule> extraRules)
    {
        LunarCalendar.EnsureYear(year);
        if (official is not null && official.Year != year)
            throw new ArgumentException($"The official schedule of {official.Year} cannot serve the year {year}.", nameof(official));

        var extra = extraRules.ToList();
        var daysOff = new List<CalendarDay>();
        var makeUp = new List<CalendarDay>();
        if (official is null)
        {
            daysOff.AddRange(HolidayRules.DaysOff(year, extra));
        }
        else
        {
            daysOff.AddRange(official.DaysOff);
            makeUp.AddRange(official.MakeUpWorkingDays);
            var announced = official.DaysOff.Select(d => d.Date).ToHashSet();
            daysOff.AddRange(HolidayRules.DaysOff(year, extra, announced));
        }

        var ofYear = adjustments.Where(a => a.Date.Year == year).ToList();
        foreach (var a in ofYear)
        {
            var day = new CalendarDay(a.Date, a.Name, a.Kind);
            switch (a.Kind)
            {
                case CalendarDayKind.DayOff: daysOff.Add(day); break;
                case CalendarDayKind.MakeUpWorkingDay: makeUp.Add(day); break;
                // Applied after the others: a cancelled day off is worked whatever gave it.
                case CalendarDayKind.CancelledDayOff: break;
            }
        }
        var cancelled = ofYear.Where(a => a.Kind == CalendarDayKind.CancelledDayOff).Select(a => a.Date).ToHashSet();
        daysOff.RemoveAll(d => cancelled.Contains(d.Date));

        var source = official is not null || ofYear.Count > 0 ? ScheduleSource.Official : ScheduleSource.Rules;
        return new YearSchedule(year, source, daysOff, makeUp);
    }

    private IReadOnlyList<CalendarDay> Normalize(IEnumerable<CalendarDay> days, CalendarDayKind kind, bool weekend) =>
        [.. days
            .Where(d => d.Date.Year == Year && WeeklyRest.Includes(d.Date) == weekend)
            .DistinctBy(d => d.Date)
            .OrderBy(d => d.Date)
            .Select(d => d with { Kind = kind })];
}
