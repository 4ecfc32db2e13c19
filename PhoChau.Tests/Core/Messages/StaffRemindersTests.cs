using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Calendar;
using PhoChau.Core.Messages;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Messages;

/// <summary>
/// Issue 24, chasing the departments: on a March 2026 with a day off on Wednesday 4/3 and a made-up working Saturday
/// 7/3, each reminder lands on the working day the calendar says (2 working days before, and the first working day
/// overdue), to the lead department's officers only, and the chairman gets a digest on each working day something
/// is overdue; nothing on a day off; run twice a day, queued once. The test clock starts Monday 2/3/2026, 09:00.
/// </summary>
public sealed class StaffRemindersTests
{
    [Fact]
    public async Task Reminders_and_digests_fall_on_the_working_days_of_a_calendar_with_a_holiday_and_a_made_up_Saturday()
    {
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<MessagesOptions>(o =>
        {
            o.PublicUrl = "http://192.168.1.10:5080";
            o.Email = new EmailOptions { Host = "127.0.0.1", From = "ubnd@phochau.gov.vn" };
        }));
        var calendar = host.Get<CalendarService>();
        await calendar.AddCorrectionAsync(CoreTestHost.Admin, new CalendarAdjustment(new DateOnly(2026, 3, 4), CalendarDayKind.DayOff, "Nghỉ", "Quyết định 1/QĐ"));
        await calendar.AddCorrectionAsync(CoreTestHost.Admin, new CalendarAdjustment(new DateOnly(2026, 3, 7), CalendarDayKind.MakeUpWorkingDay, "Làm bù", "Quyết định 1/QĐ"));

        var dept = await WorkflowData.DepartmentIdAsync(host);
        var other = await WorkflowData.DepartmentIdAsync(host, "Tư pháp - Hộ tịch");
        var users = host.Get<UserAdminService>();
        await users.CreateAsync(CoreTestHost.Admin, new UserInput { UserName = "diachinh", FullName = "Trần Văn Long", Role = Roles.DepartmentOfficer, DepartmentId = dept, Email = "long@phochau.gov.vn", Password = "Matkhau2026" });
        await users.CreateAsync(CoreTestHost.Admin, new UserInput { UserName = "tuphap", FullName = "Lê Thị Hoa", Role = Roles.DepartmentOfficer, DepartmentId = other, Email = "hoa@phochau.gov.vn", Password = "Matkhau2026" });
        await users.CreateAsync(CoreTestHost.Admin, new UserInput { UserName = "chutich2", FullName = "Lê Văn Thái", Role = Roles.Chairman, Email = "thai@phochau.gov.vn", Password = "Matkhau2026" });
        await users.CreateAsync(CoreTestHost.Admin, new UserInput { UserName = "khongthu", FullName = "Không có thư", Role = Roles.DepartmentOfficer, DepartmentId = dept, Password = "Matkhau2026" });

        // A: answer due Mon 9/3; B: answer due Fri 6/3 (assigned for a session later on, the due dates set for the test).
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14));
        var petitions = host.Get<PetitionService>();
        var a = await WorkflowData.PetitionAsync(host, d.Id, "Nguyễn Văn An");
        var b = await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình");
        foreach (var p in new[] { a, b }) await petitions.AssignAsync(CoreTestHost.Chairman, p.Id, (await WorkflowData.ReloadAsync(host, p.Id)).Version, dept);
        await using (var db = host.NewDb())
        {
            await db.Petitions.Where(p => p.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AnswerDueDate, new DateOnly(2026, 3, 9)));
            await db.Petitions.Where(p => p.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AnswerDueDate, new DateOnly(2026, 3, 6)));
        }
        // C: not settled at a session held Mon 2/3: its reply is due 10 working days later, Mon 16/3 on this calendar.
        var held = await HallData.OpenSessionAsync(host, new DateOnly(2026, 3, 2));
        var c = await WorkflowData.PetitionAsync(host, held.Id, "Lê Văn Cường");
        await host.Get<SessionOutcomeService>().NotSettledAsync(CoreTestHost.Chairman, c.Id, dept);
        Assert.Equal(new DateOnly(2026, 3, 16), (await WorkflowData.ReloadAsync(host, c.Id)).ReplyDueDate);

        var reminders = host.Get<StaffReminders>();
        var byDay = new Dictionary<DateOnly, List<OutboxMessage>>();
        for (var day = new DateOnly(2026, 3, 2); day <= new DateOnly(2026, 3, 17); day = day.AddDays(1))
        {
            var before = await CountAsync(host);
            await reminders.QueueTodayAsync();
            await reminders.QueueTodayAsync(); // run again the same day: nothing more
            await using var db = host.NewDb();
            byDay[day] = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Skip(before).ToListAsync();
            host.Clock.Advance(TimeSpan.FromDays(1));
        }

        string[] Reminders(int y, int m, int dd) => byDay[new DateOnly(y, m, dd)].Where(x => x.Kind != MessageKind.DailyDigest)
            .Select(x => $"{x.Kind}:{(x.Body.Contains($"/petitions/{a.Id}\n") ? "A" : x.Body.Contains($"/petitions/{b.Id}\n") ? "B" : "C")}:{x.Recipient}").Order().ToArray();
        Assert.Equal(["AnswerDueSoon:B:long@phochau.gov.vn"], Reminders(2026, 3, 3));  // Tue: 2 working days before Fri 6 (Wed 4 is off)
        Assert.Empty(byDay[new DateOnly(2026, 3, 4)]);                                   // the day off: nothing at all
        Assert.Empty(Reminders(2026, 3, 5));
        Assert.Equal(["AnswerDueSoon:A:long@phochau.gov.vn"], Reminders(2026, 3, 6));  // Fri: 2 before Mon 9 (Sat 7 is worked)
        Assert.Equal(["AnswerOverdue:B:long@phochau.gov.vn"], Reminders(2026, 3, 7));  // the made-up Saturday: B's first day overdue
        Assert.Empty(byDay[new DateOnly(2026, 3, 8)]);                                   // Sunday
        Assert.Equal(["AnswerOverdue:A:long@phochau.gov.vn"], Reminders(2026, 3, 10));
        Assert.Equal(["ReplyDueSoon:C:long@phochau.gov.vn"], Reminders(2026, 3, 12));  // Thu: 2 before Mon 16
        Assert.Equal(["ReplyOverdue:C:long@phochau.gov.vn"], Reminders(2026, 3, 17));
        Assert.Equal(6, byDay.Values.SelectMany(x => x).Count(x => x.Kind != MessageKind.DailyDigest)); // and on no other day, to nobody else

        // The chairman's digest: every working day from the first overdue one, by department.
        var digests = byDay.Where(x => x.Value.Any(m => m.Kind == MessageKind.DailyDigest)).Select(x => x.Key).ToList();
        Assert.Equal([new(2026, 3, 7), new(2026, 3, 9), new(2026, 3, 10), new(2026, 3, 11), new(2026, 3, 12), new(2026, 3, 13), new(2026, 3, 16), new(2026, 3, 17)], digests);
        var last = byDay[new DateOnly(2026, 3, 17)].Single(m => m.Kind == MessageKind.DailyDigest);
        Assert.Equal("thai@phochau.gov.vn", last.Recipient);
        Assert.Equal("Tổng hợp ngày 17/03/2026: 3 kiến nghị quá hạn", last.Subject);
        Assert.Contains($"- Địa chính - Nông nghiệp - Xây dựng và Môi trường: 3 (", last.Body);
        Assert.Contains($"{c.Code} văn bản trả lời, hạn 16/03/2026", last.Body);
        Assert.Contains("http://192.168.1.10:5080/petitions?qua-han=1", last.Body);
    }

    private static async Task<int> CountAsync(CoreTestHost host)
    {
        await using var db = host.NewDb();
        return await db.OutboxMessages.CountAsync();
    }
}
