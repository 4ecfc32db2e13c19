using Microsoft.EntityFrameworkCore;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Records;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Speakers;

/// <summary>Issue 33.4: opening is deliberate; on another day it asks why, and the announced date is never rewritten.</summary>
public sealed class OpeningTests
{
    private static readonly DateOnly Announced = new(2026, 3, 23), Today = new(2026, 3, 2); // the test clock's day

    private static async Task<Dialogue> AnnouncedAsync(CoreTestHost host, DateOnly day)
    {
        var d = await WorkflowData.DialogueAsync(host, day);
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        return d;
    }

    [Fact]
    public async Task Opening_on_another_day_needs_a_reason_keeps_the_announced_date_and_counts_the_deadlines_after_from_the_day_held()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await AnnouncedAsync(host, Announced);
        var queue = host.Get<SpeakerQueueService>();
        var lifecycle = host.Get<HallSessionService>();
        DateOnly? answersBefore;
        await using (var db = host.NewDb())
            answersBefore = await db.DialogueDeadlines.Where(x => x.DialogueId == d.Id && x.Key == DeadlineKeys.Answers).Select(x => x.DueDate).SingleAsync();

        foreach (var missing in new[] { null, "", "   " })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => lifecycle.OpenSessionAsync(CoreTestHost.Chairman, d.Id, missing));
            Assert.Contains("23/03/2026", refused.Message);
        }
        await Assert.ThrowsAsync<DomainException>(() => lifecycle.OpenSessionAsync(CoreTestHost.Chairman, d.Id, new string('x', 501)));
        Assert.Equal(DialogueState.Announced, (await queue.GetStateAsync(d.Id)).State);

        await lifecycle.OpenSessionAsync(CoreTestHost.Chairman, d.Id, "Diễn tập trước ngày đối thoại");

        await using (var db = host.NewDb())
        {
            var opened = await db.Dialogues.AsNoTracking().SingleAsync(x => x.Id == d.Id);
            Assert.Equal((DialogueState.InSession, (DateOnly?)Announced, "Diễn tập trước ngày đối thoại"), (opened.State, opened.SessionDate, opened.OpenedOffDayReason));
            Assert.Equal(Today, opened.HeldOn());
            var due = await db.DialogueDeadlines.AsNoTracking().Where(x => x.DialogueId == d.Id).ToDictionaryAsync(x => x.Key, x => x.DueDate);
            Assert.Equal(answersBefore, due[DeadlineKeys.Answers]); // before the session: still from the announced day
            Assert.Equal(new DateOnly(2026, 3, 9), due[DeadlineKeys.Conclusion]); // 5 working days after the day held
            Assert.Equal(new DateOnly(2026, 3, 16), due[DeadlineKeys.Replies]); // 10 working days after it
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Dialogue) && a.EntityId == d.Id.ToString()).ToListAsync();
            Assert.Contains(audit, a => a.Changes.Any(c => c.Field == nameof(Dialogue.OpenedOffDayReason) && c.New == "Diễn tập trước ngày đối thoại"));
            Assert.DoesNotContain(audit, a => a.Changes.Any(c => c.Field == nameof(Dialogue.SessionDate) && a.Action != PhoChau.Core.Auditing.AuditAction.Created));
        }
        await using (var db = host.NewDb())
        {
            var minutes = MinutesComposer.Minutes(await SessionRecordReader.ReadAsync(db, d.Id, default));
            Assert.Contains("thông báo tổ chức ngày 23/03/2026; khai mạc vào ngày khác vì: Diễn tập trước ngày đối thoại", minutes);
            Assert.Contains("ngày 02/03/2026", minutes); // the day it was held
        }
    }

    [Fact]
    public async Task On_the_announced_day_no_reason_is_asked_and_none_is_kept()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await AnnouncedAsync(host, Today);

        await host.Get<HallSessionService>().OpenSessionAsync(CoreTestHost.Chairman, d.Id);

        await using var db = host.NewDb();
        var opened = await db.Dialogues.AsNoTracking().SingleAsync(x => x.Id == d.Id);
        Assert.Equal((DialogueState.InSession, (DateOnly?)Today, (string?)null), (opened.State, opened.SessionDate, opened.OpenedOffDayReason));
    }
}
