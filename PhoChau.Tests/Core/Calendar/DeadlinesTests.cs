using PhoChau.Core.Calendar;
using static PhoChau.Tests.Core.Calendar.TestCalendars;

namespace PhoChau.Tests.Core.Calendar;

public class DeadlinesTests
{
    private readonly WorkingCalendar calendar = Shipped();

    private static DeadlineRule Rule(string key) => DeadlineRule.PlanDefaults.Single(r => r.Key == key);

    [Fact]
    public void The_plan_has_three_deadlines()
    {
        Assert.Equal(
            [("answers", DeadlineDirection.Before, 7), ("conclusion", DeadlineDirection.After, 5), ("replies", DeadlineDirection.After, 10)],
            DeadlineRule.PlanDefaults.Select(r => (r.Key, r.Direction, r.WorkingDays)));
        Assert.Equal("Các ngành gửi nội dung trả lời", Rule("answers").Name);
        Assert.Equal("Thông báo kết luận", Rule("conclusion").Name);
        Assert.Equal("Trả lời bằng văn bản kiến nghị chưa giải quyết", Rule("replies").Name);
    }

    [Fact]
    public void Answers_for_a_session_on_Thursday_22_February_2024_are_due_6_February_counting_back_over_Tet()
    {
        // Back from Wed 21/2: 21, 20, 19, 16, 15 (5); Tết 8–14/2 and weekends skipped; 7 (6), 6 (7).
        Assert.Equal(Day(2024, 2, 6), Deadlines.Compute(calendar, Rule("answers"), Day(2024, 2, 22)));
    }

    [Fact]
    public void Conclusion_for_a_session_on_Monday_5_February_2024_is_due_19_February_after_Tet()
    {
        // 6, 7 (2); Tết 8–14/2; 15, 16 (4); weekend; 19 (5).
        Assert.Equal(Day(2024, 2, 19), Deadlines.Compute(calendar, Rule("conclusion"), Day(2024, 2, 5)));
    }

    [Fact]
    public void Conclusion_for_a_session_on_Friday_28_April_2023_is_due_10_May()
    {
        // Sat 29/4, Sun 30/4, Mon 1/5, Tue 2/5, Wed 3/5 off; Thu 4 (1), Fri 5 (2), Mon 8 (3), Tue 9 (4), Wed 10 (5).
        Assert.Equal(Day(2023, 5, 10), Deadlines.Compute(calendar, Rule("conclusion"), Day(2023, 4, 28)));
    }

    [Fact]
    public void Replies_for_a_session_on_Thursday_24_April_2025_are_due_12_May_counting_Saturday_26_April()
    {
        // Fri 25 (1), Sat 26 make-up (2), Mon 28 (3), Tue 29 (4); 30/4, 1/5, 2/5 off and the weekend;
        // Mon 5/5 (5), 6 (6), 7 (7), 8 (8), Fri 9 (9), Mon 12/5 (10).
        Assert.Equal(Day(2025, 5, 12), Deadlines.Compute(calendar, Rule("replies"), Day(2025, 4, 24)));
    }

    [Fact]
    public void Dropping_the_make_up_Saturday_26_April_2025_would_move_the_replies_to_13_May()
    {
        // Same days off, Saturday 26/4 not worked: Fri 25 (1), Mon 28 (2), Tue 29 (3), Mon 5/5 (4) … Mon 12 (9), Tue 13 (10).
        var noSaturday = new WorkingCalendar(year =>
            new YearSchedule(year, ScheduleSource.Official, OfficialSchedules.For(year)?.DaysOff ?? [], []));

        Assert.Equal(Day(2025, 5, 13), Deadlines.Compute(noSaturday, Rule("replies"), Day(2025, 4, 24)));
    }

    [Fact]
    public void By_the_rules_alone_2025_has_no_swap_and_Friday_2_May_counts()
    {
        // Fri 25 (1), Mon 28 (2), Tue 29 (3); 30/4, 1/5 off; Fri 2/5 (4), Mon 5 (5) … Fri 9 (9), Mon 12 (10).
        var rulesOnly = new WorkingCalendar(year => YearSchedule.Build(year, null, [], []));

        Assert.Equal(Day(2025, 5, 12), Deadlines.Compute(rulesOnly, Rule("replies"), Day(2025, 4, 24)));
        Assert.True(rulesOnly.IsWorkingDay(Day(2025, 5, 2)));
    }

    [Fact]
    public void Answers_for_a_session_on_Monday_5_May_2025_are_due_22_April_counting_Saturday_26_April()
    {
        // Back from Sun 4/5: 3/5 weekend, 2/5, 1/5, 30/4 off; Tue 29 (1), Mon 28 (2), Sat 26 make-up (3),
        // Fri 25 (4), Thu 24 (5), Wed 23 (6), Tue 22 (7).
        Assert.Equal(Day(2025, 4, 22), Deadlines.Compute(calendar, Rule("answers"), Day(2025, 5, 5)));
    }

    [Fact]
    public void Conclusion_for_a_session_on_Friday_13_February_2026_is_due_27_February_after_Tet()
    {
        // Mon 16 – Fri 20/2 Tết; Mon 23 (1), 24, 25, 26 (4), Fri 27 (5).
        Assert.Equal(Day(2026, 2, 27), Deadlines.Compute(calendar, Rule("conclusion"), Day(2026, 2, 13)));
    }
}
