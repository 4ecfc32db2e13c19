using PhoChau.Core.Calendar;
using static PhoChau.Tests.Core.Calendar.TestCalendars;

namespace PhoChau.Tests.Core.Calendar;

public class OfficialSchedulesTests
{
    [Fact]
    public void Schedule_2023_has_the_announced_days_off_and_no_make_up_day()
    {
        var schedule = OfficialSchedules.For(2023)!;

        Assert.Equal(
            [
                Day(2023, 1, 2), // 1/1 Sunday → nghỉ bù
                Day(2023, 1, 20), Day(2023, 1, 23), Day(2023, 1, 24), Day(2023, 1, 25), Day(2023, 1, 26),
                Day(2023, 5, 1),
                Day(2023, 5, 2), // Giỗ Tổ Saturday 29/4 → nghỉ bù
                Day(2023, 5, 3), // 30/4 Sunday → nghỉ bù
                Day(2023, 9, 1),
                Day(2023, 9, 4), // 2/9 Saturday → nghỉ bù
            ],
            schedule.DaysOff.Select(d => d.Date));
        Assert.Empty(schedule.MakeUpWorkingDays);
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", schedule.DaysOff.Single(d => d.Date == Day(2023, 5, 2)).Name);
    }

    [Fact]
    public void Schedule_2024_swaps_Monday_29_April_for_Saturday_4_May()
    {
        var schedule = OfficialSchedules.For(2024)!;

        Assert.Equal(
            [
                Day(2024, 1, 1),
                Day(2024, 2, 8), Day(2024, 2, 9), Day(2024, 2, 12), Day(2024, 2, 13), Day(2024, 2, 14),
                Day(2024, 4, 18),
                Day(2024, 4, 29), Day(2024, 4, 30), Day(2024, 5, 1),
                Day(2024, 9, 2), Day(2024, 9, 3),
            ],
            schedule.DaysOff.Select(d => d.Date));
        Assert.Equal([Day(2024, 5, 4)], schedule.MakeUpWorkingDays.Select(d => d.Date));
    }

    [Fact]
    public void Schedule_2025_swaps_Friday_2_May_for_Saturday_26_April()
    {
        var schedule = OfficialSchedules.For(2025)!;

        Assert.Equal(
            [
                Day(2025, 1, 1),
                Day(2025, 1, 27), Day(2025, 1, 28), Day(2025, 1, 29), Day(2025, 1, 30), Day(2025, 1, 31),
                Day(2025, 4, 7),
                Day(2025, 4, 30), Day(2025, 5, 1), Day(2025, 5, 2),
                Day(2025, 9, 1), Day(2025, 9, 2),
            ],
            schedule.DaysOff.Select(d => d.Date));
        Assert.Equal([Day(2025, 4, 26)], schedule.MakeUpWorkingDays.Select(d => d.Date));
        Assert.Contains("8726/VPCP-KGVX", schedule.Source);
    }

    [Fact]
    public void Schedule_2026_swaps_Friday_2_January_for_Saturday_10_January_and_does_not_give_24_November()
    {
        var schedule = OfficialSchedules.For(2026)!;

        Assert.Equal(
            [
                Day(2026, 1, 1), Day(2026, 1, 2),
                Day(2026, 2, 16), Day(2026, 2, 17), Day(2026, 2, 18), Day(2026, 2, 19), Day(2026, 2, 20),
                Day(2026, 4, 27), // Giỗ Tổ Sunday 26/4 → nghỉ bù
                Day(2026, 4, 30), Day(2026, 5, 1),
                Day(2026, 8, 31), Day(2026, 9, 1), Day(2026, 9, 2),
            ],
            schedule.DaysOff.Select(d => d.Date));
        Assert.Equal([Day(2026, 1, 10)], schedule.MakeUpWorkingDays.Select(d => d.Date));
        Assert.DoesNotContain(schedule.DaysOff, d => d.Date == Day(2026, 11, 24));
    }

    [Fact]
    public void Shipped_schedules_list_only_weekdays_off_and_weekend_make_up_days_in_their_own_year()
    {
        foreach (var schedule in OfficialSchedules.All)
        {
            Assert.All(schedule.DaysOff, d => Assert.True(d.Date.Year == schedule.Year && d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), d.ToString()));
            Assert.All(schedule.MakeUpWorkingDays, d => Assert.True(d.Date.Year == schedule.Year && d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, d.ToString()));
            Assert.All(schedule.DaysOff, d => Assert.Equal(CalendarDayKind.DayOff, d.Kind));
            Assert.All(schedule.MakeUpWorkingDays, d => Assert.Equal(CalendarDayKind.MakeUpWorkingDay, d.Kind));
            Assert.False(string.IsNullOrWhiteSpace(schedule.Source));
        }
    }

    [Fact]
    public void Official_Tet_days_include_1_1_lunar_of_the_year()
    {
        foreach (var schedule in OfficialSchedules.All)
        {
            var tet = LunarCalendar.NewYear(schedule.Year);
            var firstWeekdayOfTet = Enumerable.Range(0, 4).Select(tet.AddDays).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            Assert.Contains(schedule.DaysOff, d => d.Date == firstWeekdayOfTet && d.Name == "Tết Nguyên đán");
        }
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2027)]
    public void Years_without_a_shipped_schedule_have_none(int year)
    {
        Assert.Null(OfficialSchedules.For(year));
    }
}
