using System.Globalization;
using PhoChau.Core.Calendar;

namespace PhoChau.Tests.Core.Calendar;

public class LunarCalendarTests
{
    // Tết as published in Vietnamese calendars (UTC+7); 2007 and 2030 differ from China's.
    [Theory]
    [InlineData(2000, "2000-02-05")]
    [InlineData(2001, "2001-01-24")]
    [InlineData(2002, "2002-02-12")]
    [InlineData(2003, "2003-02-01")]
    [InlineData(2004, "2004-01-22")]
    [InlineData(2005, "2005-02-09")]
    [InlineData(2006, "2006-01-29")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2008, "2008-02-07")]
    [InlineData(2009, "2009-01-26")]
    [InlineData(2010, "2010-02-14")]
    [InlineData(2011, "2011-02-03")]
    [InlineData(2012, "2012-01-23")]
    [InlineData(2013, "2013-02-10")]
    [InlineData(2014, "2014-01-31")]
    [InlineData(2015, "2015-02-19")]
    [InlineData(2016, "2016-02-08")]
    [InlineData(2017, "2017-01-28")]
    [InlineData(2018, "2018-02-16")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")]
    [InlineData(2031, "2031-01-23")]
    [InlineData(2032, "2032-02-11")]
    [InlineData(2033, "2033-01-31")]
    [InlineData(2034, "2034-02-19")]
    [InlineData(2035, "2035-02-08")]
    public void Tet_2000_to_2035_falls_on_the_published_Vietnamese_date(int year, string expected)
    {
        var tet = DateOnly.Parse(expected, CultureInfo.InvariantCulture);

        Assert.Equal(tet, LunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(1, 1, year, false), LunarCalendar.FromSolar(tet));
        Assert.Equal(12, LunarCalendar.FromSolar(tet.AddDays(-1)).Month);
        Assert.Equal(year - 1, LunarCalendar.FromSolar(tet.AddDays(-1)).Year);
    }

    [Fact]
    public void Tet_1985_is_21_January_in_Vietnam_not_20_February()
    {
        Assert.Equal(new DateOnly(1985, 1, 21), LunarCalendar.NewYear(1985));
        Assert.Equal(new DateOnly(1985, 2, 20), ChineseNewYear(1985));
    }

    // ngay-nghi-le.md: every year 1900–2100 where Vietnam's Tết is not China's (China's date from the `holidays` library).
    [Theory]
    [InlineData("1903-01-28", "1903-01-29")]
    [InlineData("1916-02-03", "1916-02-04")]
    [InlineData("1935-02-03", "1935-02-04")]
    [InlineData("1965-02-01", "1965-02-02")]
    [InlineData("1968-01-29", "1968-01-30")]
    [InlineData("1969-02-16", "1969-02-17")]
    [InlineData("1985-01-21", "1985-02-20")]
    [InlineData("2007-02-17", "2007-02-18")]
    [InlineData("2030-02-02", "2030-02-03")]
    [InlineData("2053-02-18", "2053-02-19")]
    public void Tet_differs_from_the_Chinese_new_year_where_Vietnamese_calendars_say_so(string vietnam, string china)
    {
        var tet = DateOnly.Parse(vietnam, CultureInfo.InvariantCulture);
        var chineseTet = DateOnly.Parse(china, CultureInfo.InvariantCulture);

        Assert.Equal(tet, LunarCalendar.NewYear(tet.Year));
        Assert.Equal(new LunarDate(1, 1, tet.Year, false), LunarCalendar.FromSolar(tet));
        Assert.NotEqual(new LunarDate(1, 1, tet.Year, false), LunarCalendar.FromSolar(chineseTet));
        // .NET's table has 1916-02-03 for China too (Chinese almanacs: 02-04); in the other nine years
        // ChineseLunisolarCalendar would give Vietnam the wrong Tết.
        if (tet.Year != 1916)
            Assert.Equal(chineseTet, ChineseNewYear(tet.Year));
    }

    [Fact]
    public void Tet_matches_the_published_Vietnamese_date_in_every_year_1901_to_2100()
    {
        foreach (var tet in PublishedLunarDates.Tet)
            Assert.True(LunarCalendar.NewYear(tet.Year) == tet, $"Tết {tet.Year}: {LunarCalendar.NewYear(tet.Year)}, published {tet}");
    }

    [Fact]
    public void Hung_Kings_day_matches_the_published_Vietnamese_date_in_every_year_1901_to_2100()
    {
        foreach (var day in PublishedLunarDates.HungKings)
            Assert.True(LunarCalendar.ToSolar(10, 3, day.Year) == day, $"Giỗ Tổ {day.Year}: {LunarCalendar.ToSolar(10, 3, day.Year)}, published {day}");
    }

    [Theory]
    [InlineData("2009-04-04")]
    [InlineData("2037-04-24")]
    [InlineData("2038-04-13")]
    public void Hung_Kings_day_10_3_lunar_differs_from_China_in_these_years(string expected)
    {
        var day = DateOnly.Parse(expected, CultureInfo.InvariantCulture);

        Assert.Equal(day, LunarCalendar.ToSolar(10, 3, day.Year));
        Assert.Equal(new LunarDate(10, 3, day.Year, false), LunarCalendar.FromSolar(day));
        Assert.NotEqual(day, ChineseDate(day.Year, 3, 10));
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2033, 11)]
    public void Leap_month_is_the_one_Vietnamese_calendars_repeat(int year, int leapMonth)
    {
        Assert.Equal(leapMonth, LunarCalendar.LeapMonth(year));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    public void A_year_of_twelve_months_has_no_leap_month(int year)
    {
        Assert.Null(LunarCalendar.LeapMonth(year));
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(1985)]
    [InlineData(2020)]
    [InlineData(2023)]
    [InlineData(2025)]
    [InlineData(2033)]
    [InlineData(2100)]
    public void Every_day_of_the_year_converts_to_lunar_and_back(int year)
    {
        bool sawLeapDay = false;
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(date);
            sawLeapDay |= lunar.IsLeapMonth;
            if (lunar.Year < LunarCalendar.MinYear)
                continue; // January 1900 is still lunar 1899, outside the supported lunar years.
            Assert.Equal(date, LunarCalendar.ToSolar(lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth));
        }
        bool hasLeapMonth = LunarCalendar.LeapMonth(year) is not null || LunarCalendar.LeapMonth(year - 1) is 11 or 12;
        if (hasLeapMonth)
            Assert.True(sawLeapDay, $"{year} should contain days of a leap month");
    }

    [Fact]
    public void Lunar_days_follow_each_other_without_gaps_from_1900_to_2100()
    {
        var previous = LunarCalendar.FromSolar(new DateOnly(1900, 1, 1));
        for (var date = new DateOnly(1900, 1, 2); date.Year <= 2100; date = date.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(date);
            bool nextDay = lunar with { Day = lunar.Day - 1 } == previous;
            bool newMonth = lunar.Day == 1 && previous.Day is 29 or 30;
            Assert.True(nextDay || newMonth, $"{date}: {previous} → {lunar}");
            previous = lunar;
        }
    }

    [Fact]
    public void The_leap_fourth_month_of_2020_follows_the_ordinary_fourth_month()
    {
        var ordinary = LunarCalendar.ToSolar(1, 4, 2020);
        var leap = LunarCalendar.ToSolar(1, 4, 2020, leapMonth: true);

        Assert.Equal(new DateOnly(2020, 4, 23), ordinary);
        Assert.Equal(new DateOnly(2020, 5, 23), leap);
        Assert.Equal(new LunarDate(1, 4, 2020, true), LunarCalendar.FromSolar(leap));
    }

    [Fact]
    public void A_leap_month_the_year_does_not_have_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(1, 3, 2024, leapMonth: true));
        Assert.Equal("Năm 2024 âm lịch không có tháng 3 nhuận.", ex.Message);
    }

    [Fact]
    public void Day_30_of_a_29_day_month_is_refused()
    {
        // 12th month of Giáp Thìn (2024) runs 30/12/2024 – 28/01/2025: 29 days, Tết Ất Tỵ is 29/01/2025.
        Assert.Equal(29, LunarCalendar.DaysInMonth(12, 2024));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(30, 12, 2024));
        Assert.StartsWith("Tháng 12 năm 2024 âm lịch chỉ có 29 ngày", ex.Message);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public void Years_outside_1900_to_2100_are_refused_in_Vietnamese(int year)
    {
        string message = $"Năm {year} nằm ngoài phạm vi lịch hỗ trợ (1900–2100).";

        Assert.Equal(message, Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.NewYear(year)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(year, 6, 1))).Message);
        Assert.Equal(message, Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(1, 6, year)).Message);
    }

    private static DateOnly ChineseNewYear(int year) => ChineseDate(year, 1, 1);

    /// <summary>.NET numbers months 1–13 in a leap year: the leap month and every month after it shift by one.</summary>
    private static DateOnly ChineseDate(int year, int month, int day)
    {
        var chinese = new ChineseLunisolarCalendar();
        int leap = chinese.GetLeapMonth(year);
        int index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(chinese.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
