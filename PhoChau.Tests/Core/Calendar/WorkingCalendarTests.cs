using PhoChau.Core.Calendar;
using static PhoChau.Tests.Core.Calendar.TestCalendars;

namespace PhoChau.Tests.Core.Calendar;

public class WorkingCalendarTests
{
    private readonly WorkingCalendar calendar = Shipped();

    [Theory]
    [InlineData(2025, 4, 26, true)] // make-up Saturday
    [InlineData(2025, 4, 27, false)] // Sunday
    [InlineData(2025, 5, 2, false)] // swapped Friday
    [InlineData(2025, 5, 5, true)]
    [InlineData(2024, 5, 4, true)] // make-up Saturday
    [InlineData(2024, 4, 29, false)] // swapped Monday
    [InlineData(2026, 1, 10, true)] // make-up Saturday
    [InlineData(2026, 8, 31, false)]
    [InlineData(2027, 2, 10, false)] // rules: nghỉ bù Tết
    [InlineData(2027, 2, 12, true)]
    public void Working_days_follow_the_schedule(int year, int month, int day, bool working)
    {
        Assert.Equal(working, calendar.IsWorkingDay(Day(year, month, day)));
    }

    [Fact]
    public void Adding_zero_working_days_returns_the_day_itself_even_on_a_holiday()
    {
        Assert.Equal(Day(2024, 2, 10), calendar.AddWorkingDays(Day(2024, 2, 10), 0));
    }

    [Fact]
    public void The_anchor_day_is_never_counted()
    {
        // Mon 2024-02-05 is a working day; +1 is Tue 6/2, −1 is Fri 2/2.
        Assert.Equal(Day(2024, 2, 6), calendar.AddWorkingDays(Day(2024, 2, 5), 1));
        Assert.Equal(Day(2024, 2, 2), calendar.AddWorkingDays(Day(2024, 2, 5), -1));
    }

    [Fact]
    public void Counting_crosses_the_new_year_into_the_2026_swap()
    {
        // From Wed 31/12/2025: Thu 1/1 and Fri 2/1/2026 off; Mon 5 (1), 6, 7, 8, Fri 9 (5), Sat 10 make-up (6), Mon 12 (7), Tue 13 (8).
        Assert.Equal(Day(2026, 1, 13), calendar.AddWorkingDays(Day(2025, 12, 31), 8));
        Assert.Equal(8, calendar.CountWorkingDaysBetween(Day(2025, 12, 31), Day(2026, 1, 13)));
    }

    [Fact]
    public void Count_is_negative_and_mirrored_when_the_end_is_earlier()
    {
        // Working days from Tue 6/2/2024 up to (not including) Thu 22/2/2024: 6, 7, 15, 16, 19, 20, 21 = 7.
        Assert.Equal(-7, calendar.CountWorkingDaysBetween(Day(2024, 2, 22), Day(2024, 2, 6)));
        // Forwards, after 6/2 up to and including 22/2: 7, 15, 16, 19, 20, 21, 22 = 7.
        Assert.Equal(7, calendar.CountWorkingDaysBetween(Day(2024, 2, 6), Day(2024, 2, 22)));
        Assert.Equal(0, calendar.CountWorkingDaysBetween(Day(2024, 2, 9), Day(2024, 2, 9)));
    }

    [Fact]
    public void Adding_and_counting_working_days_are_inverse_on_random_working_days()
    {
        var random = new Random(20260124);
        for (int i = 0; i < 300; i++)
        {
            var from = calendar.NextWorkingDayOnOrAfter(Day(2023, 1, 1).AddDays(random.Next(0, 5 * 365)));
            int days = random.Next(-60, 61);

            var to = calendar.AddWorkingDays(from, days);

            Assert.True(days == 0 || calendar.IsWorkingDay(to), $"{from} {days:+0;-0} → {to}");
            Assert.Equal(days, calendar.CountWorkingDaysBetween(from, to));
            Assert.Equal(from, calendar.AddWorkingDays(to, -days));
        }
    }

    [Fact]
    public void Next_working_day_on_or_after_skips_the_whole_Tet_break()
    {
        Assert.Equal(Day(2026, 2, 23), calendar.NextWorkingDayOnOrAfter(Day(2026, 2, 14)));
        Assert.Equal(Day(2026, 2, 13), calendar.NextWorkingDayOnOrAfter(Day(2026, 2, 13)));
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(-1001)]
    public void More_than_1000_working_days_is_refused(int days)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(Day(2025, 1, 2), days));
        Assert.Equal("Số ngày làm việc phải trong khoảng −1000 đến 1000.", ex.Message);
    }

    [Fact]
    public void One_thousand_working_days_is_allowed()
    {
        var to = calendar.AddWorkingDays(Day(2025, 1, 2), 1000);

        Assert.Equal(1000, calendar.CountWorkingDaysBetween(Day(2025, 1, 2), to));
    }

    [Fact]
    public void The_calendar_asks_for_each_year_s_schedule()
    {
        var asked = new List<int>();
        var counting = new WorkingCalendar(year =>
        {
            asked.Add(year);
            return YearSchedule.Build(year, OfficialSchedules.For(year), [], []);
        });

        counting.AddWorkingDays(Day(2025, 12, 30), 3);

        Assert.Equal([2025, 2026], asked.Distinct());
    }
}
