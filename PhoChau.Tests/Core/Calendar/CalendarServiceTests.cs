using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Calendar;
using PhoChau.Core.Common;

namespace PhoChau.Tests.Core.Calendar;

public sealed class CalendarServiceTests
{
    [Fact]
    public async Task The_shipped_2025_schedule_counts_the_make_up_Saturday_26_April()
    {
        await using var host = await CoreTestHost.StartAsync();
        var cal = await host.Get<CalendarService>().GetCalendarAsync();
        // Hand count from Thu 24/4/2025: Fri 25 (1), Sat 26 make-up (2), Mon 28 (3), Tue 29 (4); 30/4, 1/5, 2/5 off; Mon 5/5 (5).
        Assert.Equal(new DateOnly(2025, 5, 5), cal.AddWorkingDays(new DateOnly(2025, 4, 24), 5));
    }

    [Fact]
    public async Task A_day_off_added_by_the_administrator_moves_deadlines_and_is_kept_with_its_reason()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<CalendarService>();
        var before = (await service.GetCalendarAsync()).AddWorkingDays(new DateOnly(2027, 3, 1), 5); // Mon 1/3/2027 + 5 = Mon 8/3
        Assert.Equal(new DateOnly(2027, 3, 8), before);

        await service.AddCorrectionAsync(CoreTestHost.Admin,
            new CalendarAdjustment(new DateOnly(2027, 3, 3), CalendarDayKind.DayOff, "Nghỉ bù", "Thông báo 123/TB-BNV"));

        Assert.Equal(new DateOnly(2027, 3, 9), (await service.GetCalendarAsync()).AddWorkingDays(new DateOnly(2027, 3, 1), 5));
        var stored = Assert.Single(await service.ListCorrectionsAsync(2027));
        Assert.Equal("Thông báo 123/TB-BNV", stored.Reason);
        Assert.Equal(ScheduleSource.Official, (await service.GetYearAsync(2027)).Source);
    }

    [Fact]
    public async Task A_year_without_an_official_schedule_follows_the_rules_and_says_so()
    {
        await using var host = await CoreTestHost.StartAsync();
        var y2027 = await host.Get<CalendarService>().GetYearAsync(2027);
        Assert.Equal(ScheduleSource.Rules, y2027.Source);
        Assert.Contains(y2027.DaysOff, d => d.Date == new DateOnly(2027, 4, 30));
        Assert.Equal(ScheduleSource.Official, (await host.Get<CalendarService>().GetYearAsync(2026)).Source);
    }

    [Theory]
    [InlineData(2027, 3, 3, CalendarDayKind.MakeUpWorkingDay, "Lý do", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.")]
    [InlineData(2027, 3, 6, CalendarDayKind.DayOff, "Lý do", "thứ Bảy hoặc Chủ nhật")]
    [InlineData(2024, 2, 8, CalendarDayKind.DayOff, "Lý do", "đã là ngày nghỉ")]
    [InlineData(2027, 3, 3, CalendarDayKind.DayOff, "", "Lý do")]
    [InlineData(1800, 3, 3, CalendarDayKind.DayOff, "Lý do", "ngoài phạm vi")]
    public async Task Bad_corrections_are_refused_with_a_message_and_nothing_saved(int y, int m, int d, CalendarDayKind kind, string reason, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<CalendarService>().AddCorrectionAsync(CoreTestHost.Admin,
            new CalendarAdjustment(new DateOnly(y, m, d), kind, "Ngày điều chỉnh", reason)));
        Assert.Contains(message, ex.Message);
        await using var db = host.NewDb();
        Assert.False(await db.CalendarCorrections.AnyAsync());
    }

    [Fact]
    public async Task The_same_day_off_added_twice_is_refused_the_second_time()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<CalendarService>();
        var day = new CalendarAdjustment(new DateOnly(2027, 3, 3), CalendarDayKind.DayOff, "Nghỉ", "TB 1");
        await service.AddCorrectionAsync(CoreTestHost.Admin, day);
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.AddCorrectionAsync(CoreTestHost.Admin, day));
        Assert.Contains("đã là ngày nghỉ", ex.Message);
        Assert.Single(await service.ListCorrectionsAsync(2027));
    }

    [Fact]
    public async Task A_new_statutory_holiday_applies_from_its_year_on()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<CalendarService>();
        await service.AddHolidayAsync(CoreTestHost.Admin,
            new HolidayRule("Ngày Văn hóa Việt Nam", DateBasis.Solar, 11, 24, FromYear: 2027), "Bộ luật Lao động sửa đổi");
        var cal = await service.GetCalendarAsync();
        Assert.False(cal.IsWorkingDay(new DateOnly(2027, 11, 24)));   // Wednesday
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 11, 24)));    // Tuesday, before the law
        await Assert.ThrowsAsync<DomainException>(() => service.AddHolidayAsync(CoreTestHost.Admin,
            new HolidayRule("Trùng", DateBasis.Solar, 11, 24, FromYear: 2028), "x"));
    }

    [Fact]
    public async Task Only_the_administrator_corrects_the_calendar()
    {
        await using var host = await CoreTestHost.StartAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => host.Get<CalendarService>().AddCorrectionAsync(CoreTestHost.Secretary,
            new CalendarAdjustment(new DateOnly(2027, 3, 3), CalendarDayKind.DayOff, "Nghỉ", "TB 1")));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.Get<CalendarService>().AddHolidayAsync(CoreTestHost.Viewer,
            new HolidayRule("X", DateBasis.Solar, 11, 24, FromYear: 2027), "x"));
    }

    [Fact]
    public async Task A_revoked_correction_no_longer_counts_but_stays_listed()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<CalendarService>();
        var row = await service.AddCorrectionAsync(CoreTestHost.Admin,
            new CalendarAdjustment(new DateOnly(2027, 3, 3), CalendarDayKind.DayOff, "Nghỉ", "TB 1"));
        await service.RevokeCorrectionAsync(CoreTestHost.Admin, row.Id);
        Assert.True((await service.GetCalendarAsync()).IsWorkingDay(new DateOnly(2027, 3, 3)));
        Assert.True(Assert.Single(await service.ListCorrectionsAsync(2027)).IsRevoked);
    }

    [Fact]
    public async Task A_day_off_given_by_the_rules_can_be_cancelled_when_the_government_chooses_another()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<CalendarService>();
        // 2027 by rules: Quốc khánh Thu 2/9 and Fri 3/9. The announcement picks Wed 1/9 instead of 3/9.
        var rules = await service.GetYearAsync(2027);
        Assert.Contains(rules.DaysOff, d => d.Date == new DateOnly(2027, 9, 3));

        await service.AddCorrectionAsync(CoreTestHost.Admin, new CalendarAdjustment(new DateOnly(2027, 9, 3), CalendarDayKind.CancelledDayOff, "Đi làm", "TB 99/TB-BNV"));
        await service.AddCorrectionAsync(CoreTestHost.Admin, new CalendarAdjustment(new DateOnly(2027, 9, 1), CalendarDayKind.DayOff, "Quốc khánh", "TB 99/TB-BNV"));

        var cal = await service.GetCalendarAsync();
        Assert.True(cal.IsWorkingDay(new DateOnly(2027, 9, 3)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2027, 9, 1)));
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.AddCorrectionAsync(CoreTestHost.Admin,
            new CalendarAdjustment(new DateOnly(2027, 9, 7), CalendarDayKind.CancelledDayOff, "Đi làm", "TB 99")));
        Assert.Contains("không phải là ngày nghỉ", ex.Message);
    }
}
