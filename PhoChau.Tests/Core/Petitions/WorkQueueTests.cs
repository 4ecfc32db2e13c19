using PhoChau.Core.Common;
using PhoChau.Core.Overview;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

/// <summary>The work queues: several petitions assigned at once, the chair's approvals, an officer's inbox in parts.</summary>
public sealed class WorkQueueTests
{
    [Fact]
    public async Task Several_petitions_are_assigned_at_once_and_one_that_cannot_be_stops_all_with_its_code()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var service = host.Get<PetitionService>();
        var a = await WorkflowData.PetitionAsync(host, d.Id, "A");
        var b = await WorkflowData.PetitionAsync(host, d.Id, "B");
        var c = await WorkflowData.PetitionAsync(host, d.Id, "C");
        var land = await WorkflowData.DepartmentIdAsync(host);
        await service.WithdrawAsync(CoreTestHost.Secretary, c.Id, c.Version);

        var refused = await Assert.ThrowsAsync<DomainException>(() => service.AssignManyAsync(CoreTestHost.Secretary, [a.Id, b.Id, c.Id], land));
        Assert.StartsWith(c.Code, refused.Message);
        Assert.Equal(PetitionState.Received, (await WorkflowData.ReloadAsync(host, a.Id)).State); // nothing changed

        Assert.Equal(2, await service.AssignManyAsync(CoreTestHost.Secretary, [a.Id, b.Id], land));
        foreach (var id in new[] { a.Id, b.Id })
        {
            var p = await WorkflowData.ReloadAsync(host, id);
            Assert.Equal((PetitionState.Assigned, land, new DateOnly(2026, 4, 3)), (p.State, p.LeadDepartmentId!.Value, p.AnswerDueDate!.Value));
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => service.AssignManyAsync(CoreTestHost.Viewer, [a.Id], land));
        await Assert.ThrowsAsync<DomainException>(() => service.AssignManyAsync(CoreTestHost.Secretary, [], land));
    }

    /// <summary>Issue 33.6: a bulk assignment does not silently move petitions another department already answers.</summary>
    [Fact]
    public async Task A_bulk_assignment_names_the_petitions_another_department_answers_and_moves_them_only_when_told()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var service = host.Get<PetitionService>();
        var land = await WorkflowData.DepartmentIdAsync(host);
        var justice = await WorkflowData.DepartmentIdAsync(host, "Tư pháp - Hộ tịch");
        var a = await WorkflowData.PetitionAsync(host, d.Id, "A");
        var b = await WorkflowData.PetitionAsync(host, d.Id, "B");
        await service.AssignManyAsync(CoreTestHost.Secretary, [b.Id], justice);

        var asked = await Assert.ThrowsAsync<AssignedElsewhereException>(() => service.AssignManyAsync(CoreTestHost.Secretary, [a.Id, b.Id], land));
        Assert.Equal([(b.Id, b.Code, "Tư pháp - Hộ tịch")], asked.Petitions);
        Assert.Contains($"{b.Code} (Tư pháp - Hộ tịch)", asked.Message);
        Assert.Null((await WorkflowData.ReloadAsync(host, a.Id)).LeadDepartmentId); // nothing changed
        Assert.Equal(justice, (await WorkflowData.ReloadAsync(host, b.Id)).LeadDepartmentId);

        Assert.Equal(1, await service.AssignManyAsync(CoreTestHost.Secretary, [a.Id], land)); // only the one not assigned
        Assert.Equal(justice, (await WorkflowData.ReloadAsync(host, b.Id)).LeadDepartmentId);
        Assert.Equal(2, await service.AssignManyAsync(CoreTestHost.Secretary, [a.Id, b.Id], land, moveAssigned: true));
        Assert.Equal(land, (await WorkflowData.ReloadAsync(host, b.Id)).LeadDepartmentId);
    }

    [Fact]
    public async Task The_chairs_dashboard_lists_the_answers_waiting_for_approval_and_an_officers_inbox_separates_to_do_from_done()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var service = host.Get<PetitionService>();
        var land = await WorkflowData.DepartmentIdAsync(host);
        var officer = CoreTestHost.Officer(land);
        var toDo = await WorkflowData.PetitionAsync(host, d.Id, "Còn phải làm");
        var drafted = await WorkflowData.PetitionAsync(host, d.Id, "Chờ duyệt");
        var approved = await WorkflowData.PetitionAsync(host, d.Id, "Đã xong");
        await service.AssignManyAsync(CoreTestHost.Secretary, [toDo.Id, drafted.Id, approved.Id], land);
        await service.SubmitAnswerAsync(officer, drafted.Id, (await WorkflowData.ReloadAsync(host, drafted.Id)).Version, "Dự thảo trả lời.");
        await service.SubmitAnswerAsync(officer, approved.Id, (await WorkflowData.ReloadAsync(host, approved.Id)).Version, "Trả lời.");
        await service.ApproveAnswerAsync(CoreTestHost.Chairman, approved.Id, (await WorkflowData.ReloadAsync(host, approved.Id)).Version);

        var chair = await host.Get<DashboardService>().GetAsync(CoreTestHost.Chairman);
        var item = Assert.Single(chair.AwaitingApproval);
        Assert.Equal((drafted.Code + " — Chờ duyệt", $"/petitions/{drafted.Id}"), (item.Reference, item.Link));
        Assert.Empty((await host.Get<DashboardService>().GetAsync(officer)).AwaitingApproval);

        var query = host.Get<PetitionQuery>();
        async Task<string[]> Names(WorkStage stage) =>
            (await query.FindAsync(officer, new PetitionFilter { DepartmentId = land, Stage = stage })).Rows.Select(r => r.PetitionerName).ToArray();
        Assert.Equal(["Còn phải làm"], await Names(WorkStage.ToDo));
        Assert.Equal(["Chờ duyệt"], await Names(WorkStage.AwaitingApproval));
        Assert.Equal(["Đã xong"], await Names(WorkStage.Done));
    }
}
