using PhoChau.Core.Calendar;
using static PhoChau.Tests.Core.Calendar.TestCalendars;

namespace PhoChau.Tests.Core.Calendar;

public class YearScheduleTests
{
    private static readonly HolidayRule CultureDay2026 = new("Ngày Văn hóa Việt Nam", DateBasis.Solar, 11, 24, FromYear: 2026);

    [Fact]
    public void Year_2027_falls_back_to_the_rules()
    {
        var schedule = YearSchedule.Build(2027, OfficialSchedules.For(2027), [], []);

        Assert.Equal(ScheduleSource.Rules, schedule.Source);
        Assert.Equal(HolidayRules.DaysOff(2027, []), schedule.DaysOff);
        Assert.Empty(schedule.MakeUpWorkingDays);
    }

    [Fact]
    public void Year_2025_uses_the_official_schedule()
    {
        var schedule = YearSchedule.Build(2025, OfficialSchedules.For(2025), [], []);

        Assert.Equal(ScheduleSource.Official, schedule.Source);
        Assert.True(schedule.IsDayOff(Day(2025, 5, 2)));
        Assert.True(schedule.IsMakeUpWorkingDay(Day(2025, 4, 26)));
    }

    [Fact]
    public void A_holiday_enacted_after_the_official_schedule_still_adds_its_day()
    {
        var schedule = YearSchedule.Build(2026, OfficialSchedules.For(2026), [], [CultureDay2026]);

        Assert.Equal(ScheduleSource.Official, schedule.Source);
        Assert.Contains(schedule.DaysOff, d => d.Date == Day(2026, 11, 24) && d.Name == "Ngày Văn hóa Việt Nam");
        Assert.Equal(OfficialSchedules.For(2026)!.DaysOff.Count + 1, schedule.DaysOff.Count);
    }

    [Fact]
    public void An_extra_rule_does_not_repeat_an_announced_day_off()
    {
        var sameAsNationalDay = new HolidayRule("Trùng Quốc khánh", DateBasis.Solar, 9, 2);

        var schedule = YearSchedule.Build(2025, OfficialSchedules.For(2025), [], [sameAsNationalDay]);

        Assert.Equal(OfficialSchedules.For(2025)!.DaysOff, schedule.DaysOff);
    }

    [Fact]
    public void Adjustments_add_the_Saturday_that_repays_31_August_2026_and_make_the_year_official()
    {
        CalendarAdjustment[] adjustments =
        [
            new(Day(2026, 9, 12), CalendarDayKind.MakeUpWorkingDay, "Làm bù cho ngày nghỉ 31/08/2026", "Thông báo (giả định) số 1/TB-BNV"),
            new(Day(2025, 12, 31), CalendarDayKind.DayOff, "Năm khác", "Không thuộc năm 2026"),
        ];

        var schedule = YearSchedule.Build(2026, OfficialSchedules.For(2026), adjustments, []);

        Assert.Equal([Day(2026, 1, 10), Day(2026, 9, 12)], schedule.MakeUpWorkingDays.Select(d => d.Date));
        Assert.DoesNotContain(schedule.DaysOff, d => d.Date.Year != 2026);
    }

    [Fact]
    public void An_adjustment_turns_a_rules_year_into_an_official_one()
    {
        var adjustment = new CalendarAdjustment(Day(2027, 2, 12), CalendarDayKind.DayOff, "Tết Nguyên đán (nghỉ thêm)", "Công văn số …");

        var schedule = YearSchedule.Build(2027, null, [adjustment], []);

        Assert.Equal(ScheduleSource.Official, schedule.Source);
        Assert.True(schedule.IsDayOff(Day(2027, 2, 12)));
        Assert.Equal(schedule.DaysOff.OrderBy(d => d.Date), schedule.DaysOff);
    }

    [Fact]
    public void Adjustments_of_another_year_leave_the_year_on_the_rules()
    {
        var adjustment = new CalendarAdjustment(Day(2028, 1, 3), CalendarDayKind.DayOff, "Nghỉ", "Công văn");

        Assert.Equal(ScheduleSource.Rules, YearSchedule.Build(2027, null, [adjustment], []).Source);
    }

    [Fact]
    public void Another_year_s_official_schedule_is_refused()
    {
        Assert.Throws<ArgumentException>(() => YearSchedule.Build(2027, OfficialSchedules.For(2026), [], []));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public void A_year_outside_1900_to_2100_is_refused(int year)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => YearSchedule.Build(year, null, [], []));
        Assert.Equal($"Năm {year} nằm ngoài phạm vi lịch hỗ trợ (1900–2100).", ex.Message);
    }
}
