using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Citizens;

public sealed class AnswerTemplateTests
{
    [Fact]
    public async Task A_template_fills_the_petitioners_name_the_code_and_the_dates_and_its_changes_are_audited()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var dept = await WorkflowData.DepartmentIdAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình");
        await host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        p = await WorkflowData.ReloadAsync(host, p.Id);
        var templates = host.Get<AnswerTemplateService>();

        var t = await templates.SaveAsync(CoreTestHost.Secretary, new AnswerTemplateInput
        {
            Title = "Trả lời chung", Field = p.Field, DepartmentId = dept,
            Body = "Kính gửi {ten_nguoi_kien_nghi}: kiến nghị {ma_kien_nghi} nhận ngày {ngay_tiep_nhan} thuộc lĩnh vực {linh_vuc}, do {bo_phan} trả lời trước {han_tra_loi}. {khong_biet}",
        });
        var text = templates.Fill(t, p, "Địa chính");

        Assert.Equal($"Kính gửi Trần Thị Bình: kiến nghị {p.Code} nhận ngày 20/02/2026 thuộc lĩnh vực {PetitionLabels.Fields[p.Field]}, do Địa chính trả lời trước {p.AnswerDueDate:dd/MM/yyyy}. {{khong_biet}}", text);
        var edited = AnswerTemplateInput.From(t);
        edited.Body = "Nội dung mới {ma_kien_nghi}";
        await templates.SaveAsync(CoreTestHost.Secretary, edited);
        await using var db = host.NewDb();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "AnswerTemplate").ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit.SelectMany(a => a.Changes), c => c.Field == "Body" && c.New == "Nội dung mới {ma_kien_nghi}");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => templates.SaveAsync(CoreTestHost.Secretary, edited)); // stale version
    }

    [Fact]
    public async Task An_officer_keeps_only_its_departments_templates_and_sees_its_own_and_the_general_ones()
    {
        await using var host = await CoreTestHost.StartAsync();
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await using var db = host.NewDb();
        var other = await db.Departments.Where(x => x.Id != dept && x.IsActive).Select(x => x.Id).FirstAsync();
        var templates = host.Get<AnswerTemplateService>();
        await templates.SaveAsync(CoreTestHost.Secretary, new AnswerTemplateInput { Title = "Chung", Body = "Chung." });
        await templates.SaveAsync(CoreTestHost.Secretary, new AnswerTemplateInput { Title = "Bộ phận khác", Body = "Khác.", DepartmentId = other });
        var officer = WorkflowData.OfficerOf(dept);
        await templates.SaveAsync(officer, new AnswerTemplateInput { Title = "Của tôi", Body = "Của tôi.", DepartmentId = dept });

        await Assert.ThrowsAsync<ForbiddenException>(() => templates.SaveAsync(officer, new AnswerTemplateInput { Title = "X", Body = "X" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.SaveAsync(officer, new AnswerTemplateInput { Title = "X", Body = "X", DepartmentId = other }));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.ListAsync(CoreTestHost.Viewer));
        Assert.Equal(["Chung", "Của tôi"], (await templates.ListAsync(officer)).Select(t => t.Title).Order());
        Assert.Equal(3, (await templates.ListAsync(CoreTestHost.Secretary)).Count);
    }

    [Fact]
    public async Task Empty_or_over_long_templates_are_refused_in_Vietnamese()
    {
        await using var host = await CoreTestHost.StartAsync();
        var templates = host.Get<AnswerTemplateService>();
        var ex = await Assert.ThrowsAsync<DomainException>(() => templates.SaveAsync(CoreTestHost.Secretary, new AnswerTemplateInput { Title = " ", Body = new string('x', 8001) }));
        Assert.Equal(2, ex.Message.Split(Environment.NewLine).Length);
        await using var db = host.NewDb();
        Assert.False(await db.AnswerTemplates.AnyAsync());
    }
}
