using PhoChau.Core.Auditing;
using PhoChau.Core.Calendar;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Dialogues;

public sealed class DeadlineServiceTests
{
    private static async Task<(int DialogueId, int AssignedId, int NotSettledId)> ArrangeAsync(CoreTestHost host)
    {
        await using var db = host.NewDb();
        var dialogue = new Dialogue { Title = "Đối thoại 2024", Year = 2024, Deadlines = DeadlineService.Defaults() }.In(DialogueState.Announced);
        db.Dialogues.Add(dialogue);
        await db.SaveChangesAsync(CoreTestHost.Secretary);
        var assigned = new Petition { DialogueId = dialogue.Id, Number = 1, Code = "KN-2024-001", PetitionerName = "Nguyễn Văn A", Text = "a" }.In(PetitionState.Assigned);
        var notSettled = new Petition { DialogueId = dialogue.Id, Number = 2, Code = "KN-2024-002", PetitionerName = "Trần Thị B", Text = "b" }.In(PetitionState.NotSettled);
        db.Petitions.AddRange(assigned, notSettled);
        await db.SaveChangesAsync(CoreTestHost.Secretary);
        return (dialogue.Id, assigned.Id, notSettled.Id);
    }

    private static async Task<Dictionary<string, DateOnly?>> DueDatesAsync(CoreTestHost host, int dialogueId) =>
        (await host.Get<DeadlineService>().ListAsync(dialogueId)).ToDictionary(d => d.Key, d => d.DueDate);

    [Fact]
    public async Task Fixing_the_session_date_around_Tet_2024_gives_the_hand_counted_deadlines()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (id, assignedId, notSettledId) = await ArrangeAsync(host);

        await host.Get<DeadlineService>().RescheduleAsync(CoreTestHost.Secretary, id, new DateOnly(2024, 2, 22), new TimeOnly(8, 0));

        var due = await DueDatesAsync(host, id);
        // 7 before Thu 22/2/2024, counting back: 21, 20, 19, 16, 15 (Tết 8–14/2 off), 7, 6 → Tue 6/2.
        Assert.Equal(new DateOnly(2024, 2, 6), due[DeadlineKeys.Answers]);
        // 5 after: 23, 26, 27, 28, 29 → Thu 29/2.
        Assert.Equal(new DateOnly(2024, 2, 29), due[DeadlineKeys.Conclusion]);
        // 10 after: 23, 26, 27, 28, 29, 1/3, 4, 5, 6, 7 → Thu 7/3.
        Assert.Equal(new DateOnly(2024, 3, 7), due[DeadlineKeys.Replies]);
        await using var db = host.NewDb();
        Assert.Equal(new DateOnly(2024, 2, 6), (await db.Petitions.FindAsync(assignedId))!.AnswerDueDate);
        Assert.Equal(new DateOnly(2024, 3, 7), (await db.Petitions.FindAsync(notSettledId))!.ReplyDueDate);
    }

    [Fact]
    public async Task Moving_the_session_date_recomputes_every_deadline_and_the_audit_shows_old_and_new()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (id, assignedId, _) = await ArrangeAsync(host);
        var deadlines = host.Get<DeadlineService>();
        await deadlines.RescheduleAsync(CoreTestHost.Secretary, id, new DateOnly(2024, 2, 22), null);

        await deadlines.RescheduleAsync(CoreTestHost.Secretary, id, new DateOnly(2023, 4, 28), null);

        var due = await DueDatesAsync(host, id);
        // 7 before Fri 28/4/2023: 27, 26, 25, 24, 21, 20, 19 → Wed 19/4.
        Assert.Equal(new DateOnly(2023, 4, 19), due[DeadlineKeys.Answers]);
        // 5 after, over 1/5 (Mon), 2/5 (Giỗ Tổ bù), 3/5 (30/4 bù): Thu 4/5, Fri 5/5, 8, 9, 10 → Wed 10/5.
        Assert.Equal(new DateOnly(2023, 5, 10), due[DeadlineKeys.Conclusion]);
        // 10 after: 4, 5, 8, 9, 10, 11, 12, 15, 16, 17 → Wed 17/5.
        Assert.Equal(new DateOnly(2023, 5, 17), due[DeadlineKeys.Replies]);

        var (audit, _) = await host.Get<AuditService>().FindAsync(CoreTestHost.Chairman, new AuditQuery(nameof(Petition), assignedId.ToString()));
        Assert.Contains(audit, a => a.Changes.Any(c => c.Field == nameof(Petition.AnswerDueDate) && c.Old == "06/02/2024" && c.New == "19/04/2023"));
    }

    [Fact]
    public async Task Clearing_the_date_leaves_the_deadlines_to_be_announced()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (id, _, _) = await ArrangeAsync(host);
        var deadlines = host.Get<DeadlineService>();
        await deadlines.RescheduleAsync(CoreTestHost.Secretary, id, new DateOnly(2024, 2, 22), null);
        await deadlines.RescheduleAsync(CoreTestHost.Secretary, id, null, null);
        Assert.All((await DueDatesAsync(host, id)).Values, Assert.Null);
    }

    [Fact]
    public async Task A_calendar_correction_recounts_the_open_deadlines()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (id, _, _) = await ArrangeAsync(host);
        await using (var db = host.NewDb())
        {
            var d = await db.Dialogues.FindAsync(id);
            d!.Year = 2027;
            await db.SaveChangesAsync(CoreTestHost.Secretary);
        }
        await host.Get<DeadlineService>().RescheduleAsync(CoreTestHost.Secretary, id, new DateOnly(2027, 3, 1), null);
        // 5 after Mon 1/3/2027: 2, 3, 4, 5, 8 → Mon 8/3.
        Assert.Equal(new DateOnly(2027, 3, 8), (await DueDatesAsync(host, id))[DeadlineKeys.Conclusion]);

        await host.Get<CalendarService>().AddCorrectionAsync(CoreTestHost.Admin,
            new CalendarAdjustment(new DateOnly(2027, 3, 4), CalendarDayKind.DayOff, "Nghỉ bù", "TB 45/TB-BNV"));

        // 4/3 is now off: 2, 3, 5, 8, 9 → Tue 9/3.
        Assert.Equal(new DateOnly(2027, 3, 9), (await DueDatesAsync(host, id))[DeadlineKeys.Conclusion]);
    }

    [Fact]
    public async Task A_dialogue_may_allow_a_different_number_of_working_days()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (id, _, _) = await ArrangeAsync(host);
        var deadlines = host.Get<DeadlineService>();
        await deadlines.RescheduleAsync(CoreTestHost.Secretary, id, new DateOnly(2024, 2, 22), null);
        var conclusion = (await deadlines.ListAsync(id)).Single(d => d.Key == DeadlineKeys.Conclusion);

        await deadlines.SetWorkingDaysAsync(CoreTestHost.Secretary, conclusion.Id, 3);

        // 3 after Thu 22/2/2024: 23, 26, 27 → Tue 27/2.
        Assert.Equal(new DateOnly(2024, 2, 27), (await DueDatesAsync(host, id))[DeadlineKeys.Conclusion]);
        await Assert.ThrowsAsync<DomainException>(() => deadlines.SetWorkingDaysAsync(CoreTestHost.Secretary, conclusion.Id, 0));
        await Assert.ThrowsAsync<ForbiddenException>(() => deadlines.SetWorkingDaysAsync(CoreTestHost.Viewer, conclusion.Id, 4));
    }
}
