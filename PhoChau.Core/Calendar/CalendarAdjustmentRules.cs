using System.Globalization;

namespace PhoChau.Core.Calendar;

/// <summary>What an administrator may enter as a correction of a year; each refusal says why, in Vietnamese.</summary>
public static class CalendarAdjustmentRules
{
    /// <summary>Null when <paramref name="candidate"/> may be added to the year of <paramref name="schedule"/>, else the reason it may not.</summary>
    public static string? Check(IEnumerable<CalendarAdjustment> existing, YearSchedule schedule, CalendarAdjustment candidate) =>
        Refusal(existing, schedule, candidate)?.Message;

    /// <summary>As <see cref="Check"/>, naming the field refused: the day, its name or its reason.</summary>
    public static FieldRefusal? Refusal(IEnumerable<CalendarAdjustment> existing, YearSchedule schedule, CalendarAdjustment candidate)
    {
        var date = candidate.Date;
        string shown = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (date.Year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear)
            return new(nameof(CalendarAdjustment.Date), CoreText.Format("Calendar.YearOutOfRange", date.Year, LunarCalendar.MinYear, LunarCalendar.MaxYear));
        if (date.Year != schedule.Year)
            return new(nameof(CalendarAdjustment.Date), CoreText.Format("Calendar.DayNotInYear", shown, schedule.Year));
        if (string.IsNullOrWhiteSpace(candidate.Name))
            return new(nameof(CalendarAdjustment.Name), CoreText.Get("Calendar.AdjustmentNameEmpty"));
        if (string.IsNullOrWhiteSpace(candidate.Reason))
            return new(nameof(CalendarAdjustment.Reason), CoreText.Get("Calendar.NoticeReasonEmpty"));

        var sameDay = existing.Where(a => a.Date == date).ToList();
        if (candidate.Kind == CalendarDayKind.MakeUpWorkingDay)
        {
            if (!WeeklyRest.Includes(date))
                return new(nameof(CalendarAdjustment.Date), CoreText.Get("Calendar.MakeUpMustBeWeekend"));
            if (schedule.IsMakeUpWorkingDay(date) || sameDay.Any(a => a.Kind == CalendarDayKind.MakeUpWorkingDay))
                return new(nameof(CalendarAdjustment.Date), CoreText.Format("Calendar.AlreadyMakeUp", shown));
            return null;
        }

        if (candidate.Kind == CalendarDayKind.CancelledDayOff)
        {
            if (!schedule.IsDayOff(date))
                return new(nameof(CalendarAdjustment.Date), CoreText.Format("Calendar.NotADayOff", shown));
            return null;
        }

        if (WeeklyRest.Includes(date))
            return new(nameof(CalendarAdjustment.Date), CoreText.Format("Calendar.WeekendDayOff", shown));
        if (schedule.IsDayOff(date) || sameDay.Any(a => a.Kind == CalendarDayKind.DayOff))
            return new(nameof(CalendarAdjustment.Date), CoreText.Format("Calendar.AlreadyDayOff", shown));
        return null;
    }
}
