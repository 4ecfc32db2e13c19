using PhoChau.Core.Text;

namespace PhoChau.Tests.Core.Text;

public sealed class VietnameseDatesTests
{
    [Theory]
    [InlineData("15/03/2026")]
    [InlineData("15/3/2026")]
    [InlineData("15-03-2026")]
    [InlineData("15.03.2026")]
    [InlineData(" 15 / 03 / 2026 ")]
    [InlineData("15032026")] // typed the Vietnamese way, no separators: never read as 03/15 or 03/05
    [InlineData("15/03/26")]
    [InlineData("2026-03-15")]
    public void A_date_is_read_day_first(string typed)
    {
        Assert.True(VietnameseDates.TryParse(typed, out var date));
        Assert.Equal(new DateOnly(2026, 3, 15), date);
    }

    [Theory]
    [InlineData("03/15/2026")] // month first: refused, not guessed
    [InlineData("31/02/2026")]
    [InlineData("3/15/2026")]
    [InlineData("15/03")]
    [InlineData("hôm nay")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1503202")]
    public void What_is_not_a_day_first_date_is_refused(string? typed) =>
        Assert.False(VietnameseDates.TryParse(typed, out _));

    [Theory]
    [InlineData("08:00", 8, 0)]
    [InlineData("8:00", 8, 0)]
    [InlineData("8h30", 8, 30)]
    [InlineData("14h", 14, 0)]
    [InlineData("0830", 8, 30)]
    [InlineData("14:05", 14, 5)]
    [InlineData("7 giờ 30", 7, 30)]
    public void A_time_is_read_on_the_24_hour_clock(string typed, int hour, int minute)
    {
        Assert.True(VietnameseDates.TryParseTime(typed, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("08:00 AM")]
    [InlineData("25:00")]
    [InlineData("8:75")]
    [InlineData("sáng")]
    public void What_is_not_a_24_hour_time_is_refused(string typed) =>
        Assert.False(VietnameseDates.TryParseTime(typed, out _));

    [Fact]
    public void Dates_and_times_are_written_dd_MM_yyyy_and_HH_mm() =>
        Assert.Equal("05/03/2026 14:05", VietnameseDates.Format(new DateOnly(2026, 3, 5)) + " " + VietnameseDates.Format(new TimeOnly(14, 5)));
}
