using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Overview;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Petitions;

public sealed class FollowUpServiceTests
{
    /// <summary>A session on Mon 2/3/2026 where the petition was not settled: the land department must reply by Mon 16/3.</summary>
    private static async Task<(Dialogue Dialogue, Petition Petition, int Department)> NotSettledAsync(CoreTestHost host)
    {
        var d = await HallData.OpenSessionAsync(host, new DateOnly(2026, 3, 2));
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await host.Get<SessionOutcomeService>().NotSettledAsync(CoreTestHost.Chairman, p.Id, dept);
        return (d, await WorkflowData.ReloadAsync(host, p.Id), dept);
    }

    [Fact]
    public async Task The_department_drafts_the_chair_approves_the_secretary_records_it_sent_and_closes()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, p, dept) = await NotSettledAsync(host);
        var followUp = host.Get<FollowUpService>();
        await host.Get<HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời đúng hạn.");

        await followUp.DraftReplyAsync(CoreTestHost.Officer(dept), p.Id, p.Version, "UBND xã trả lời ông An như sau: ...");
        p = await WorkflowData.ReloadAsync(host, p.Id);
        await Assert.ThrowsAsync<DomainException>(() => followUp.RecordSentAsync(CoreTestHost.Secretary, p.Id, p.Version, new DateOnly(2026, 3, 2), ReplyChannel.ByHand));
        await followUp.ApproveReplyAsync(CoreTestHost.Chairman, p.Id, p.Version);
        p = await WorkflowData.ReloadAsync(host, p.Id);
        await followUp.RecordSentAsync(CoreTestHost.Secretary, p.Id, p.Version, new DateOnly(2026, 3, 2), ReplyChannel.VillageHead);
        p = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal((PetitionState.ReplySent, ReplyChannel.VillageHead, "chutich"), (p.State, p.ReplyChannel!.Value, p.ReplyApprovedBy));

        await followUp.CloseAsync(CoreTestHost.Secretary, p.Id, p.Version);
        var dialogue = await host.Get<DialogueService>().GetAsync(d.Id);
        Assert.Equal(DialogueState.Closed, dialogue.State); // its only petition is closed
        Assert.NotNull(dialogue.Deadlines.Single(x => x.Key == DeadlineKeys.Replies).MetOn);
    }

    [Fact]
    public async Task Approving_a_reply_for_a_petition_already_closed_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var outcomes = host.Get<SessionOutcomeService>();
        await outcomes.AssignAsync(CoreTestHost.Chairman, p.Id, await WorkflowData.DepartmentIdAsync(host));
        await outcomes.SettleAsync(CoreTestHost.Chairman, p.Id, "Đã trả lời", "Chủ tịch");
        p = await WorkflowData.ReloadAsync(host, p.Id);
        await host.Get<FollowUpService>().CloseAsync(CoreTestHost.Secretary, p.Id, p.Version);
        p = await WorkflowData.ReloadAsync(host, p.Id);

        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<FollowUpService>().ApproveReplyAsync(CoreTestHost.Chairman, p.Id, p.Version));
        Assert.Contains("Đã kết thúc", ex.Message);
    }

    [Fact]
    public async Task Another_department_cannot_draft_and_a_future_sending_date_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (_, p, dept) = await NotSettledAsync(host);
        var followUp = host.Get<FollowUpService>();
        var police = await WorkflowData.DepartmentIdAsync(host, "Công an xã");
        await Assert.ThrowsAsync<ForbiddenException>(() => followUp.DraftReplyAsync(CoreTestHost.Officer(police), p.Id, p.Version, "x"));
        await followUp.DraftReplyAsync(CoreTestHost.Officer(dept), p.Id, p.Version, "Trả lời");
        p = await WorkflowData.ReloadAsync(host, p.Id);
        await followUp.ApproveReplyAsync(CoreTestHost.Secretary, p.Id, p.Version);
        p = await WorkflowData.ReloadAsync(host, p.Id);
        var ex = await Assert.ThrowsAsync<DomainException>(() => followUp.RecordSentAsync(CoreTestHost.Secretary, p.Id, p.Version, new DateOnly(2026, 3, 3), ReplyChannel.Post));
        Assert.Contains("sau ngày hôm nay", ex.Message);
    }

    [Fact]
    public async Task An_overdue_written_reply_is_a_reminder_on_the_dashboard()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (_, p, _) = await NotSettledAsync(host);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 3, 0, 0, TimeSpan.Zero)); // Tue 17/3: one day past 16/3
        var summary = await host.Get<DashboardService>().GetAsync(CoreTestHost.Secretary);
        var item = Assert.Single(summary.Overdue, o => o.Reference == p.Code);
        Assert.Equal(new DateOnly(2026, 3, 16), item.DueDate);
        Assert.Equal(1, summary.OverduePetitions);
    }
}
