namespace PhoChau.Core.Calendar;

/// <summary>
/// Working days of the commune: Monday–Friday not off, plus announced make-up Saturdays/Sundays.
/// The caller supplies (and caches) each year's schedule.
/// </summary>
public sealed class WorkingCalendar(Func<int, YearSchedule> scheduleForYear)
{
    public const int MaxWorkingDays = 1000;

    public bool IsWorkingDay(DateOnly date)
    {
        var schedule = scheduleForYear(date.Year);
        return WeeklyRest.Includes(date) ? schedule.IsMakeUpWorkingDay(date) : !schedule.IsDayOff(date);
    }

    /// <summary>
    /// The N-th working day after <paramref name="from"/> (N &gt; 0) or before it (N &lt; 0); the anchor day itself
    /// never counts ("within N working days after" counts from the day after). 0 returns <paramref name="from"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        if (days is < -MaxWorkingDays or > MaxWorkingDays)
            throw LunarCalendar.OutOfRange(CoreText.Format("Calendar.WorkingDaysRange", MaxWorkingDays, MaxWorkingDays));
        int step = Math.Sign(days);
        var date = from;
        for (int left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
                left--;
        }
        return date;
    }

    /// <summary>
    /// Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>; when
    /// <paramref name="to"/> is earlier, minus the working days from <paramref name="to"/> (included) up to
    /// <paramref name="from"/> (excluded). So for a working day t, AddWorkingDays(from, Count(from, t)) == t.
    /// </summary>
    public int CountWorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -CountWorkingDaysBetween(to.AddDays(-1), from.AddDays(-1));
        int count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
                count++;
        }
        return count;
    }

    /// <summary>The day itself when it is a working day, else the first working day after it.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }
}
