using PhoChau.Core.Calendar;
using static PhoChau.Tests.Core.Calendar.TestCalendars;

namespace PhoChau.Tests.Core.Calendar;

public class CalendarAdjustmentRulesTests
{
    private static readonly YearSchedule Year2026 = YearSchedule.Build(2026, OfficialSchedules.For(2026), [], []);

    private static string? Check(CalendarAdjustment candidate, params CalendarAdjustment[] existing) =>
        CalendarAdjustmentRules.Check(existing, Year2026, candidate);

    [Fact]
    public void A_make_up_Saturday_with_a_notice_is_accepted()
    {
        Assert.Null(Check(new(Day(2026, 9, 12), CalendarDayKind.MakeUpWorkingDay, "Làm bù cho 31/08/2026", "Thông báo số …")));
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_is_refused()
    {
        Assert.Equal("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.",
            Check(new(Day(2026, 9, 14), CalendarDayKind.MakeUpWorkingDay, "Làm bù", "Thông báo")));
    }

    [Fact]
    public void A_make_up_day_already_announced_is_refused()
    {
        Assert.Equal("Ngày 10/01/2026 đã là ngày làm bù.",
            Check(new(Day(2026, 1, 10), CalendarDayKind.MakeUpWorkingDay, "Làm bù", "Thông báo")));
    }

    [Fact]
    public void A_day_off_that_is_already_off_is_refused()
    {
        Assert.Equal("Ngày 17/02/2026 đã là ngày nghỉ.",
            Check(new(Day(2026, 2, 17), CalendarDayKind.DayOff, "Tết", "Thông báo")));
    }

    [Fact]
    public void The_same_day_off_entered_twice_is_refused()
    {
        var first = new CalendarAdjustment(Day(2026, 11, 24), CalendarDayKind.DayOff, "Ngày Văn hóa Việt Nam", "Nghị quyết …");

        Assert.Null(Check(first));
        Assert.Equal("Ngày 24/11/2026 đã là ngày nghỉ.", Check(first with { Reason = "Lần hai" }, first));
    }

    [Fact]
    public void A_day_off_on_the_weekend_is_refused()
    {
        Assert.Equal("Ngày 14/11/2026 là thứ Bảy hoặc Chủ nhật, vốn là ngày nghỉ hằng tuần; chỉ thêm ngày nghỉ vào ngày từ thứ Hai đến thứ Sáu.",
            Check(new(Day(2026, 11, 14), CalendarDayKind.DayOff, "Nghỉ", "Thông báo")));
    }

    [Theory]
    [InlineData("", "Thông báo", "Tên ngày điều chỉnh không được để trống.")]
    [InlineData("Nghỉ", "  ", "Lý do (số, ngày văn bản) không được để trống.")]
    public void A_name_and_a_reason_are_required(string name, string reason, string message)
    {
        Assert.Equal(message, Check(new(Day(2026, 11, 23), CalendarDayKind.DayOff, name, reason)));
    }

    [Fact]
    public void A_day_of_another_year_is_refused()
    {
        Assert.Equal("Ngày 05/01/2027 không thuộc năm 2026.",
            Check(new(Day(2027, 1, 5), CalendarDayKind.DayOff, "Nghỉ", "Thông báo")));
    }

    [Fact]
    public void A_year_outside_the_supported_range_is_refused()
    {
        Assert.Equal("Năm 2101 nằm ngoài phạm vi lịch hỗ trợ (1900–2100).",
            Check(new(Day(2101, 1, 3), CalendarDayKind.DayOff, "Nghỉ", "Thông báo")));
    }
}
