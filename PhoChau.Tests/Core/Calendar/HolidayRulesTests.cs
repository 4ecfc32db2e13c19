using PhoChau.Core.Calendar;
using static PhoChau.Tests.Core.Calendar.TestCalendars;

namespace PhoChau.Tests.Core.Calendar;

public class HolidayRulesTests
{
    private static readonly HolidayRule CultureDay = new("Ngày Văn hóa Việt Nam", DateBasis.Solar, 11, 24, FromYear: 2027);

    [Fact]
    public void Rules_for_2027_give_Tet_around_6_February_with_nghi_bu_for_its_weekend()
    {
        // Tết Đinh Mùi is Saturday 6/2/2027: Fri 5/2 (last day of the old year), Sat 6, Sun 7, Mon 8, Tue 9;
        // Saturday and Sunday are made up on Wed 10 and Thu 11.
        var days = HolidayRules.DaysOff(2027, []);

        Assert.Equal(
            [
                Day(2027, 1, 1),
                Day(2027, 2, 5), Day(2027, 2, 8), Day(2027, 2, 9), Day(2027, 2, 10), Day(2027, 2, 11),
                Day(2027, 4, 16), // Giỗ Tổ, Friday
                Day(2027, 4, 30),
                Day(2027, 5, 3), // 1/5 is a Saturday
                Day(2027, 9, 2), Day(2027, 9, 3),
            ],
            days.Select(d => d.Date));
        Assert.Equal("Tết Nguyên đán", days.Single(d => d.Date == Day(2027, 2, 5)).Name);
        Assert.Equal("Nghỉ bù Tết Nguyên đán", days.Single(d => d.Date == Day(2027, 2, 10)).Name);
        Assert.Equal("Nghỉ bù Ngày Quốc tế Lao động", days.Single(d => d.Date == Day(2027, 5, 3)).Name);
    }

    [Fact]
    public void Rules_for_2023_make_up_Saturday_Hung_Kings_and_Sunday_30_April_on_Tuesday_and_Wednesday()
    {
        // Sat 29/4 Giỗ Tổ, Sun 30/4, Mon 1/5 off: the next free working days are Tue 2/5, then Wed 3/5,
        // as the Government announced.
        var days = HolidayRules.DaysOff(2023, []);

        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", days.Single(d => d.Date == Day(2023, 5, 2)).Name);
        Assert.Equal("Nghỉ bù Ngày Chiến thắng", days.Single(d => d.Date == Day(2023, 5, 3)).Name);
        Assert.Equal("Ngày Quốc tế Lao động", days.Single(d => d.Date == Day(2023, 5, 1)).Name);
        Assert.Equal("Nghỉ bù Tết Dương lịch", days.Single(d => d.Date == Day(2023, 1, 2)).Name);
    }

    [Fact]
    public void Rules_give_the_same_number_of_weekdays_off_as_the_official_2023_schedule()
    {
        // 2023 announced 1/9 + 2/9 where the default rule takes 2/9 + 3/9; the count of days is the law's.
        Assert.Equal(OfficialSchedules.For(2023)!.DaysOff.Count, HolidayRules.DaysOff(2023, []).Count);
        Assert.Equal(
            [Day(2023, 9, 4), Day(2023, 9, 5)],
            HolidayRules.DaysOff(2023, []).Where(d => d.Date.Month == 9).Select(d => d.Date));
    }

    [Fact]
    public void An_extra_rule_from_2027_gives_24_November_2027_but_not_2026()
    {
        Assert.Contains(HolidayRules.DaysOff(2027, [CultureDay]), d => d.Date == Day(2027, 11, 24) && d.Name == "Ngày Văn hóa Việt Nam");
        Assert.DoesNotContain(HolidayRules.DaysOff(2026, [CultureDay]), d => d.Date.Month == 11);
    }

    [Fact]
    public void An_extra_holiday_on_Saturday_is_made_up_on_Monday()
    {
        // 24/11/2029 is a Saturday.
        var days = HolidayRules.DaysOff(2029, [CultureDay]);

        Assert.Contains(days, d => d.Date == Day(2029, 11, 26) && d.Name == "Nghỉ bù Ngày Văn hóa Việt Nam");
        Assert.DoesNotContain(days, d => d.Date == Day(2029, 11, 24));
    }

    [Fact]
    public void A_lunar_extra_rule_follows_the_lunar_calendar()
    {
        var rule = new HolidayRule("Rằm tháng Giêng", DateBasis.Lunar, 1, 15);

        var days = HolidayRules.DaysOff(2024, [rule]);

        // 15/1 Giáp Thìn is Saturday 24/2/2024 → nghỉ bù Monday 26/2.
        Assert.Equal(Day(2024, 2, 24), LunarCalendar.ToSolar(15, 1, 2024));
        Assert.Contains(days, d => d.Date == Day(2024, 2, 26) && d.Name == "Nghỉ bù Rằm tháng Giêng");
    }

    [Fact]
    public void A_holiday_on_Saturday_31_December_is_made_up_in_the_next_January()
    {
        // Sat 31/12/2033 and Sun 1/1/2034: the earlier holiday takes Mon 2/1, Tết Dương lịch Tue 3/1.
        var eve = new HolidayRule("Ngày thử", DateBasis.Solar, 12, 31);

        var days = HolidayRules.DaysOff(2034, [eve]);

        Assert.Contains(days, d => d.Date == Day(2034, 1, 2) && d.Name == "Nghỉ bù Ngày thử");
        Assert.Contains(days, d => d.Date == Day(2034, 1, 3) && d.Name == "Nghỉ bù Tết Dương lịch");
        Assert.DoesNotContain(HolidayRules.DaysOff(2033, [eve]), d => d.Date == Day(2033, 12, 31));
    }

    [Fact]
    public void Days_off_are_weekdays_sorted_and_once_each_every_year_2021_to_2100()
    {
        for (int year = 2021; year <= 2100; year++)
        {
            var days = HolidayRules.DaysOff(year, [CultureDay]).Select(d => d.Date).ToList();
            Assert.All(days, d => Assert.True(d.Year == year && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d}"));
            Assert.Equal(days.Order(), days);
            Assert.Equal(days.Distinct().Count(), days.Count);
            // 11 statutory days (1 + 5 + 1 + 1 + 1 + 2) plus 24/11 from 2027.
            Assert.Equal(year >= 2027 ? 12 : 11, days.Count);
        }
    }

    [Theory]
    [InlineData("", 1, 1, 1, "Tên ngày lễ không được để trống.")]
    [InlineData("X", 13, 1, 1, "Tháng 13 không hợp lệ (1–12).")]
    [InlineData("X", 2, 30, 1, "Ngày 30 không hợp lệ cho tháng 2.")]
    [InlineData("X", 1, 1, 0, "Số ngày nghỉ phải từ 1 đến 15.")]
    public void An_impossible_rule_is_refused_with_a_reason(string name, int month, int day, int length, string message)
    {
        Assert.Equal(message, new HolidayRule(name, DateBasis.Solar, month, day, Length: length).Check());
    }

    [Fact]
    public void The_statutory_rules_are_valid()
    {
        Assert.All(HolidayRules.Statutory, r => Assert.Null(r.Check()));
    }
}
