using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

public sealed class SessionOutcomeServiceTests
{
    [Fact]
    public async Task The_chair_assigns_then_settles_a_petition_at_the_session()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var outcomes = host.Get<SessionOutcomeService>();
        await outcomes.AssignAsync(CoreTestHost.Chairman, p.Id, await WorkflowData.DepartmentIdAsync(host));
        await outcomes.SettleAsync(CoreTestHost.Chairman, p.Id, "Hồ sơ sẽ trả kết quả ngày 10/3.", "Công chức Địa chính Trần Văn Long");
        var stored = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal((PetitionState.SettledAtSession, "Công chức Địa chính Trần Văn Long"), (stored.State, stored.SessionAnsweredBy));
    }

    [Fact]
    public async Task Not_settled_gives_the_written_reply_deadline_10_working_days_after_the_session()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host, new DateOnly(2026, 3, 2));
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var police = await WorkflowData.DepartmentIdAsync(host, "Công an xã");

        await host.Get<SessionOutcomeService>().NotSettledAsync(CoreTestHost.Chairman, p.Id, police);

        var stored = await WorkflowData.ReloadAsync(host, p.Id);
        // 10 after Mon 2/3/2026: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 → Mon 16/3/2026.
        Assert.Equal((PetitionState.NotSettled, police, new DateOnly(2026, 3, 16)), (stored.State, stored.LeadDepartmentId, stored.ReplyDueDate));
    }

    [Fact]
    public async Task Assigning_a_department_to_a_petition_already_settled_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var outcomes = host.Get<SessionOutcomeService>();
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await outcomes.AssignAsync(CoreTestHost.Chairman, p.Id, dept);
        await outcomes.SettleAsync(CoreTestHost.Chairman, p.Id, "Đã trả lời", "Chủ tịch");
        var police = await WorkflowData.DepartmentIdAsync(host, "Công an xã");
        var ex = await Assert.ThrowsAsync<DomainException>(() => outcomes.AssignAsync(CoreTestHost.Chairman, p.Id, police));
        Assert.Contains("đã được kết luận", ex.Message);
        Assert.Equal(dept, (await WorkflowData.ReloadAsync(host, p.Id)).LeadDepartmentId);
    }

    [Fact]
    public async Task Outcomes_need_the_session_to_be_in_progress_and_a_chair_role()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var outcomes = host.Get<SessionOutcomeService>();
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await Assert.ThrowsAsync<DomainException>(() => outcomes.AssignAsync(CoreTestHost.Chairman, p.Id, dept));
        await Assert.ThrowsAsync<ForbiddenException>(() => outcomes.AssignAsync(CoreTestHost.Viewer, p.Id, dept));
    }

    /// <summary>
    /// Issue 34.2: the petition page and the chair's console assign through one rule (Petition.AssignTo): in the hall
    /// both give the same state, department and dates, and both refuse a participating body with the same reason.
    /// </summary>
    [Fact]
    public async Task The_petition_page_and_the_chairs_console_assign_by_one_rule()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var byPage = await WorkflowData.PetitionAsync(host, d.Id);
        var byConsole = await WorkflowData.PetitionAsync(host, d.Id, name: "Trần Thị Bình");
        var dept = await WorkflowData.DepartmentIdAsync(host);

        await host.Get<PetitionService>().AssignAsync(CoreTestHost.Chairman, byPage.Id, byPage.Version, dept);
        await host.Get<SessionOutcomeService>().AssignAsync(CoreTestHost.Chairman, byConsole.Id, dept);

        var (a, b) = (await WorkflowData.ReloadAsync(host, byPage.Id), await WorkflowData.ReloadAsync(host, byConsole.Id));
        Assert.Equal((PetitionState.Assigned, (int?)dept), (a.State, a.LeadDepartmentId));
        Assert.Equal((a.State, a.LeadDepartmentId, a.AssignedAtUtc, a.AnswerDueDate, a.ReplyDueDate, a.SessionOutcomeAtUtc),
            (b.State, b.LeadDepartmentId, b.AssignedAtUtc, b.AnswerDueDate, b.ReplyDueDate, b.SessionOutcomeAtUtc));

        int body;
        await using (var db = host.NewDb())
            body = await db.Departments.Where(x => x.Kind == PhoChau.Core.Departments.UnitKind.ParticipatingBody).Select(x => x.Id).FirstAsync();
        var third = await WorkflowData.PetitionAsync(host, d.Id, name: "Lê Văn Cường");
        var fromPage = await Assert.ThrowsAsync<DomainException>(() => host.Get<PetitionService>().AssignAsync(CoreTestHost.Chairman, third.Id, third.Version, body));
        var fromConsole = await Assert.ThrowsAsync<DomainException>(() => host.Get<SessionOutcomeService>().AssignAsync(CoreTestHost.Chairman, third.Id, body));
        Assert.Equal(fromPage.Message, fromConsole.Message);
    }
}
