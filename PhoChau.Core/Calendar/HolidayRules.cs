namespace PhoChau.Core.Calendar;

/// <summary>The statutory holidays and the days off they give in a year, with nghỉ bù.</summary>
public static class HolidayRules
{
    /// <summary>
    /// Bộ luật Lao động 2019, Điều 112(1), in force since 2021. The Prime Minister fixes the Tết days and
    /// the day next to 2/9 each year; these are the defaults for a year without an official schedule:
    /// Tết = the last day of the old lunar year and 1–4/1 lunar (as in 2023, 2024, 2025, 2026);
    /// Quốc khánh = 2/9 and the day after, 3/9 (as in 2020, 2021, 2024). The official schedule or an
    /// administrator's adjustment replaces the default once the year is announced.
    /// </summary>
    public static IReadOnlyList<HolidayRule> Statutory { get; } =
    [
        new("Tết Dương lịch", DateBasis.Solar, 1, 1),
        new("Tết Nguyên đán", DateBasis.Lunar, 1, 1, Length: 5, StartOffset: -1),
        new("Giỗ Tổ Hùng Vương", DateBasis.Lunar, 3, 10),
        new("Ngày Chiến thắng", DateBasis.Solar, 4, 30),
        new("Ngày Quốc tế Lao động", DateBasis.Solar, 5, 1),
        new("Quốc khánh", DateBasis.Solar, 9, 2, Length: 2),
    ];

    /// <summary>The weekday days off of the year under the statutory rules and the extra ones, sorted.</summary>
    public static IReadOnlyList<CalendarDay> DaysOff(int year, IEnumerable<HolidayRule> extraRules) =>
        DaysOff(year, Statutory.Concat(extraRules), alreadyOff: new HashSet<DateOnly>());

    /// <summary>
    /// The weekday days off the rules give in the year, skipping days already off (an official schedule's).
    /// Điều 111(3): a holiday on the weekly rest day gives nghỉ bù on the next working day.
    /// </summary>
    internal static IReadOnlyList<CalendarDay> DaysOff(int year, IEnumerable<HolidayRule> rules, IReadOnlySet<DateOnly> alreadyOff)
    {
        LunarCalendar.EnsureYear(year);
        var holidays = new SortedDictionary<DateOnly, string>();
        foreach (var rule in rules)
        {
            // The neighbouring years too: a holiday on Saturday 31/12 is made up in January.
            for (int y = Math.Max(year - 1, LunarCalendar.MinYear); y <= Math.Min(year + 1, LunarCalendar.MaxYear); y++)
            {
                foreach (var date in rule.DaysIn(y))
                {
                    if (!alreadyOff.Contains(date))
                        holidays.TryAdd(date, rule.Name);
                }
            }
        }

        var taken = new HashSet<DateOnly>(alreadyOff);
        taken.UnionWith(holidays.Keys);
        var result = new List<CalendarDay>();
        foreach (var (date, name) in holidays)
        {
            if (!WeeklyRest.Includes(date))
            {
                result.Add(new CalendarDay(date, name, CalendarDayKind.DayOff));
                continue;
            }
            var makeUp = date.AddDays(1);
            while (WeeklyRest.Includes(makeUp) || taken.Contains(makeUp))
                makeUp = makeUp.AddDays(1);
            taken.Add(makeUp);
            result.Add(new CalendarDay(makeUp, $"Nghỉ bù {name}", CalendarDayKind.DayOff));
        }
        return [.. result.Where(d => d.Date.Year == year).OrderBy(d => d.Date)];
    }
}
