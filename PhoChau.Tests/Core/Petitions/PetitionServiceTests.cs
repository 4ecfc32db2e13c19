using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Departments;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

public sealed class PetitionServiceTests
{
    [Fact]
    public async Task Petitions_get_readable_codes_numbered_per_dialogue()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var first = await WorkflowData.PetitionAsync(host, d.Id);
        var second = await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình");
        Assert.Equal(("KN-2026-001", "KN-2026-002"), (first.Code, second.Code));
        Assert.Equal(PetitionState.Received, first.State);
    }

    [Theory]
    [InlineData("", "x", "0905123456", "Họ tên người kiến nghị")]
    [InlineData("Nguyễn Văn An", "", "0905123456", "Nội dung kiến nghị không được để trống.")]
    [InlineData("Nguyễn Văn An", "x", "12345", "Số điện thoại không đúng định dạng")]
    [InlineData("Nguyễn Văn An", "x", "09051234ab", "Số điện thoại không đúng định dạng")]
    public async Task Bad_input_is_refused_in_Vietnamese_and_nothing_saved(string name, string text, string phone, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var input = WorkflowData.Input(d.Id, name, text: text);
        input.Phone = phone;
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<PetitionService>().CreateAsync(CoreTestHost.Secretary, input));
        Assert.Contains(message, ex.Message);
        await using var db = host.NewDb();
        Assert.False(await db.Petitions.AnyAsync());
    }

    [Fact]
    public async Task Over_long_fields_and_a_future_date_are_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var service = host.Get<PetitionService>();
        var tooLong = WorkflowData.Input(d.Id, new string('A', 151));
        await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(CoreTestHost.Secretary, tooLong));
        var longText = WorkflowData.Input(d.Id, text: new string('x', PetitionInputValidator.MaxTextLength + 1));
        await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(CoreTestHost.Secretary, longText));
        var future = WorkflowData.Input(d.Id);
        future.ReceivedOn = new DateOnly(2026, 3, 3);
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(CoreTestHost.Secretary, future));
        Assert.Contains("sau ngày hôm nay", ex.Message);
    }

    [Fact]
    public async Task A_phone_written_with_spaces_or_plus84_is_stored_as_ten_digits()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var input = WorkflowData.Input(d.Id);
        input.Phone = "+84 905.123-456";
        var p = await host.Get<PetitionService>().CreateAsync(CoreTestHost.Secretary, input);
        Assert.Equal("0905123456", (await WorkflowData.ReloadAsync(host, p.Id)).Phone);
    }

    [Fact]
    public async Task Assigning_sets_the_answer_deadline_7_working_days_before_the_session()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14));
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var dept = await WorkflowData.DepartmentIdAsync(host);
        var support = await WorkflowData.DepartmentIdAsync(host, "Tư pháp - Hộ tịch");

        await host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept, [support]);

        var stored = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal(PetitionState.Assigned, stored.State);
        Assert.Equal(dept, stored.LeadDepartmentId);
        // 7 before Tue 14/4/2026: 13, 10, 9, 8, 7, 6, 3 → Fri 3/4/2026.
        Assert.Equal(new DateOnly(2026, 4, 3), stored.AnswerDueDate);
        var details = await host.Get<PetitionService>().GetAsync(CoreTestHost.Secretary, p.Id);
        Assert.Equal([support], details.SupportingDepartmentIds);
        // From Mon 2/3/2026 to Fri 3/4/2026: 21 working days left in March (3–31) and 3 in April.
        Assert.Equal(24, details.AnswerDue!.Value.WorkingDaysLeft);
    }

    [Fact]
    public async Task Assigning_to_a_deactivated_department_or_a_participating_body_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var dept = await WorkflowData.DepartmentIdAsync(host, "Công an xã");
        await host.Get<DepartmentService>().SetActiveAsync(CoreTestHost.Admin, dept, false);
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept));
        Assert.Contains("ngừng hoạt động", ex.Message);
        var front = await WorkflowData.DepartmentIdAsync(host, "Ủy ban Mặt trận Tổ quốc Việt Nam xã");
        await Assert.ThrowsAsync<DomainException>(() => host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, front));
        Assert.Equal(PetitionState.Received, (await WorkflowData.ReloadAsync(host, p.Id)).State);
    }

    [Fact]
    public async Task Assigning_when_the_answer_deadline_has_passed_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        // Session Thu 5/3/2026: answers due 7 before = Tue 24/2/2026, already past on Mon 2/3.
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 3, 5));
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var dept = await WorkflowData.DepartmentIdAsync(host);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept));
        Assert.Contains("24/02/2026", ex.Message);
        Assert.Null((await WorkflowData.ReloadAsync(host, p.Id)).LeadDepartmentId);
    }

    [Fact]
    public async Task The_department_drafts_the_secretary_returns_then_approves()
    {
        var (host, service, d, p) = await OnePetitionAsync();
        await using var _ = host;
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await service.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        var officer = WorkflowData.OfficerOf(dept);

        var v = (await WorkflowData.ReloadAsync(host, p.Id)).Version;
        await service.SubmitAnswerAsync(officer, p.Id, v, "Hồ sơ đang chờ đo đạc, sẽ trả kết quả trước 30/4.");
        v = (await WorkflowData.ReloadAsync(host, p.Id)).Version;
        await Assert.ThrowsAsync<DomainException>(() => service.ReturnAnswerAsync(CoreTestHost.Secretary, p.Id, v, ""));
        await service.ReturnAnswerAsync(CoreTestHost.Secretary, p.Id, v, "Ghi rõ ngày trả kết quả.");
        var returned = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal((PetitionState.Assigned, "Ghi rõ ngày trả kết quả."), (returned.State, returned.ReturnComment));
        Assert.NotNull(returned.Answer); // the draft is kept for the department to edit

        await service.SubmitAnswerAsync(officer, p.Id, returned.Version, "Sẽ trả kết quả ngày 24/4/2026.");
        v = (await WorkflowData.ReloadAsync(host, p.Id)).Version;
        await service.ApproveAnswerAsync(CoreTestHost.Chairman, p.Id, v);
        var approved = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal(PetitionState.AnswerApproved, approved.State);
        Assert.Equal("chutich", approved.AnswerApprovedBy);
    }

    [Fact]
    public async Task An_officer_cannot_touch_another_departments_petition_and_a_viewer_changes_nothing()
    {
        var (host, service, d, p) = await OnePetitionAsync();
        await using var _ = host;
        await service.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, await WorkflowData.DepartmentIdAsync(host));
        var other = WorkflowData.OfficerOf(await WorkflowData.DepartmentIdAsync(host, "Công an xã"));
        var v = (await WorkflowData.ReloadAsync(host, p.Id)).Version;

        await Assert.ThrowsAsync<ForbiddenException>(() => service.SubmitAnswerAsync(other, p.Id, v, "Trả lời"));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.GetAsync(other, p.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.WithdrawAsync(CoreTestHost.Viewer, p.Id, v));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.CreateAsync(CoreTestHost.Viewer, WorkflowData.Input(d.Id)));
        Assert.Equal(PetitionState.Assigned, (await WorkflowData.ReloadAsync(host, p.Id)).State);
    }

    [Fact]
    public async Task Personal_data_is_blanked_for_an_officer_and_shown_to_the_secretary()
    {
        var (host, service, d, p) = await OnePetitionAsync();
        await using var _ = host;
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await service.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        var officerView = await service.GetAsync(WorkflowData.OfficerOf(dept), p.Id);
        Assert.Equal((null, null, null), (officerView.Petition.Phone, officerView.Petition.IdCardNumber, officerView.Petition.Address));
        var secretaryView = await service.GetAsync(CoreTestHost.Secretary, p.Id);
        Assert.Equal("049012345678", secretaryView.Petition.IdCardNumber);
    }

    [Fact]
    public async Task An_answer_submitted_twice_at_once_keeps_the_first_and_tells_the_second_it_changed()
    {
        var (host, service, d, p) = await OnePetitionAsync();
        await using var _ = host;
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await service.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        var seen = (await WorkflowData.ReloadAsync(host, p.Id)).Version; // both browsers opened this version

        await service.SubmitAnswerAsync(WorkflowData.OfficerOf(dept), p.Id, seen, "Trả lời từ máy thứ nhất");
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            service.SubmitAnswerAsync(WorkflowData.OfficerOf(dept), p.Id, seen, "Trả lời từ máy thứ hai"));
        Assert.Contains("người khác thay đổi", ex.Message);
        Assert.Equal("Trả lời từ máy thứ nhất", (await WorkflowData.ReloadAsync(host, p.Id)).Answer);
    }

    [Fact]
    public async Task Two_simultaneous_saves_from_two_contexts_end_with_one_winner()
    {
        var (host, service, d, p) = await OnePetitionAsync();
        await using var _ = host;
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await service.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        var seen = (await WorkflowData.ReloadAsync(host, p.Id)).Version;

        var results = await Task.WhenAll(Enumerable.Range(1, 2).Select(i => Task.Run(async () =>
        {
            try { await service.SubmitAnswerAsync(WorkflowData.OfficerOf(dept), p.Id, seen, $"Trả lời {i}"); return true; }
            catch (ConcurrencyConflictException) { return false; }
        })));

        Assert.Equal(1, results.Count(ok => ok));
        var stored = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal(seen + 1, stored.Version);
        Assert.StartsWith("Trả lời ", stored.Answer);
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_another_petition_of_the_same_dialogue()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<PetitionService>();
        var d = await WorkflowData.DialogueAsync(host);
        var keep = await WorkflowData.PetitionAsync(host, d.Id, "Nguyễn Văn An");
        var dup = await WorkflowData.PetitionAsync(host, d.Id, "Trần Văn Sơn");

        await Assert.ThrowsAsync<DomainException>(() => service.MergeAsync(CoreTestHost.Secretary, dup.Id, dup.Version, dup.Id));
        await service.MergeAsync(CoreTestHost.Secretary, dup.Id, dup.Version, keep.Id);

        var merged = await WorkflowData.ReloadAsync(host, dup.Id);
        Assert.Equal((PetitionState.Merged, keep.Id), (merged.State, merged.MergedIntoPetitionId));
        var third = await WorkflowData.PetitionAsync(host, d.Id, "Lê Thị Thu");
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.MergeAsync(CoreTestHost.Secretary, third.Id, third.Version, dup.Id));
        Assert.Contains("đã kết thúc", ex.Message);
    }

    [Fact]
    public async Task A_withdrawn_petition_cannot_be_assigned()
    {
        var (host, service, d, p) = await OnePetitionAsync();
        await using var _ = host;
        await service.WithdrawAsync(CoreTestHost.Secretary, p.Id, p.Version);
        var v = (await WorkflowData.ReloadAsync(host, p.Id)).Version;
        var dept = await WorkflowData.DepartmentIdAsync(host);
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.AssignAsync(CoreTestHost.Secretary, p.Id, v, dept));
        Assert.Contains("Đã rút", ex.Message);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        await host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, await WorkflowData.DepartmentIdAsync(host));
        var (rows, _) = await host.Get<PhoChau.Core.Auditing.AuditService>().FindAsync(CoreTestHost.Admin, new(nameof(Petition), p.Id.ToString()));
        Assert.Contains(rows, r => r.Changes.Any(c => c.Field == nameof(Petition.State) && c.Old == "Received" && c.New == "Assigned"));
    }

    /// <summary>A host with a dialogue holding one petition, and the service under test.</summary>
    private static async Task<(CoreTestHost Host, PetitionService Service, PhoChau.Core.Dialogues.Dialogue Dialogue, Petition Petition)> OnePetitionAsync()
    {
        var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        return (host, host.Get<PetitionService>(), d, await WorkflowData.PetitionAsync(host, d.Id));
    }
}
