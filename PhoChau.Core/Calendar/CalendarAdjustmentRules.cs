namespace PhoChau.Core.Calendar;

/// <summary>What an administrator may enter as a correction of a year; each refusal says why, in Vietnamese.</summary>
public static class CalendarAdjustmentRules
{
    /// <summary>Null when <paramref name="candidate"/> may be added to the year of <paramref name="schedule"/>, else the reason it may not.</summary>
    public static string? Check(IEnumerable<CalendarAdjustment> existing, YearSchedule schedule, CalendarAdjustment candidate)
    {
        var date = candidate.Date;
        string shown = date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (date.Year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear)
            return CoreText.Format("Calendar.YearOutOfRange", date.Year, LunarCalendar.MinYear, LunarCalendar.MaxYear);
        if (date.Year != schedule.Year)
            return CoreText.Format("Calendar.DayNotInYear", shown, schedule.Year);
        if (string.IsNullOrWhiteSpace(candidate.Name))
            return CoreText.Get("Calendar.AdjustmentNameEmpty");
        if (string.IsNullOrWhiteSpace(candidate.Reason))
            return CoreText.Get("Calendar.NoticeReasonEmpty");

        var sameDay = existing.Where(a => a.Date == date).ToList();
        if (candidate.Kind == CalendarDayKind.MakeUpWorkingDay)
        {
            if (!WeeklyRest.Includes(date))
                return CoreText.Get("Calendar.MakeUpMustBeWeekend");
            if (schedule.IsMakeUpWorkingDay(date) || sameDay.Any(a => a.Kind == CalendarDayKind.MakeUpWorkingDay))
                return CoreText.Format("Calendar.AlreadyMakeUp", shown);
            return null;
        }

        if (candidate.Kind == CalendarDayKind.CancelledDayOff)
        {
            if (!schedule.IsDayOff(date))
                return CoreText.Format("Calendar.NotADayOff", shown);
            return null;
        }

        if (WeeklyRest.Includes(date))
            return CoreText.Format("Calendar.WeekendDayOff", shown);
        if (schedule.IsDayOff(date) || sameDay.Any(a => a.Kind == CalendarDayKind.DayOff))
            return CoreText.Format("Calendar.AlreadyDayOff", shown);
        return null;
    }
}
