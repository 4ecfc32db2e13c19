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
            return $"Năm {date.Year} nằm ngoài phạm vi lịch hỗ trợ ({LunarCalendar.MinYear}–{LunarCalendar.MaxYear}).";
        if (date.Year != schedule.Year)
            return $"Ngày {shown} không thuộc năm {schedule.Year}.";
        if (string.IsNullOrWhiteSpace(candidate.Name))
            return "Tên ngày điều chỉnh không được để trống.";
        if (string.IsNullOrWhiteSpace(candidate.Reason))
            return "Lý do (số, ngày văn bản) không được để trống.";

        var sameDay = existing.Where(a => a.Date == date).ToList();
        if (candidate.Kind == CalendarDayKind.MakeUpWorkingDay)
        {
            if (!WeeklyRest.Includes(date))
                return "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.";
            if (schedule.IsMakeUpWorkingDay(date) || sameDay.Any(a => a.Kind == CalendarDayKind.MakeUpWorkingDay))
                return $"Ngày {shown} đã là ngày làm bù.";
            return null;
        }

        if (candidate.Kind == CalendarDayKind.CancelledDayOff)
        {
            if (!schedule.IsDayOff(date))
                return $"Ngày {shown} không phải là ngày nghỉ, không có gì để hủy.";
            return null;
        }

        if (WeeklyRest.Includes(date))
            return $"Ngày {shown} là thứ Bảy hoặc Chủ nhật, vốn là ngày nghỉ hằng tuần; chỉ thêm ngày nghỉ vào ngày từ thứ Hai đến thứ Sáu.";
        if (schedule.IsDayOff(date) || sameDay.Any(a => a.Kind == CalendarDayKind.DayOff))
            return $"Ngày {shown} đã là ngày nghỉ.";
        return null;
    }
}
