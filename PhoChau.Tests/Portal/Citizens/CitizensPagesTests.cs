using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PhoChau.Core.Citizens;
using PhoChau.Core.Petitions;
using PhoChau.Portal.Features.Citizens;
using PhoChau.Portal.Features.Petitions;
using PhoChau.Portal.Features.Reports;

namespace PhoChau.Tests.Portal.Citizens;

public sealed class CitizensPagesTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        foreach (var type in new[] { typeof(PetitionService), typeof(PetitionQuery), typeof(FollowUpService) })
            services.AddSingleton(type, Core.Services.GetRequiredService(type));
    }

    [Fact]
    public async Task The_receipt_page_issues_a_new_PIN_that_opens_the_lookup_and_shows_the_QR_code_of_the_lookup_address()
    {
        var d = await WorkflowData.DialogueAsync(Core);
        var p = await WorkflowData.PetitionAsync(Core, d.Id);
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<ReceiptPage>(x => x.Add(r => r.Id, p.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=receipt-issue]"));
        Assert.Empty(cut.FindAll("[data-testid=receipt-pin]")); // nothing issued by opening the page

        cut.Find("[data-testid=receipt-issue]").Click();

        cut.WaitForAssertion(() => Assert.Matches(@"^\d{6}$", cut.Find("[data-testid=receipt-pin]").TextContent));
        var pin = cut.Find("[data-testid=receipt-pin]").TextContent;
        Assert.Equal(p.Code, cut.Find("[data-testid=receipt-code]").TextContent);
        Assert.EndsWith($"/tra-cuu?ma={p.Code}", cut.Find("[data-testid=receipt-url]").TextContent);
        Assert.StartsWith("data:image/png;base64,", cut.Find("[data-testid=receipt-qr]").GetAttribute("src"));
        Assert.Contains("07 ngày làm việc", cut.Find("[data-testid=receipt-due]").TextContent);
        var lookup = Core.Get<PublicLookupService>();
        Assert.NotNull(await lookup.LookupAsync(p.Code, pin));
        if (pin != p.IssuedPin) Assert.Null(await lookup.LookupAsync(p.Code, p.IssuedPin)); // the first PIN stopped working
        await using var db = Core.NewDb();
        // Created, then the reissue (the citizen's wrong-PIN try, counted towards a lock, is audited under "công dân").
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "Petition" && a.EntityId == p.Id.ToString() && a.UserName != "công dân"));
    }

    [Fact]
    public async Task Right_after_recording_the_receipt_shows_the_PIN_the_petition_was_given_without_issuing_another()
    {
        var d = await WorkflowData.DialogueAsync(Core);
        var p = await WorkflowData.PetitionAsync(Core, d.Id);
        SignInAs("thuky", Roles.Secretary);
        Services.GetRequiredService<ReceiptHandoff>().Hold(await Core.Get<ReceiptService>().ForNewPetitionAsync(p));
        Render<MudSnackbarProvider>();

        var cut = Render<ReceiptPage>(x => x.Add(r => r.Id, p.Id));

        cut.WaitForAssertion(() => Assert.Equal(p.IssuedPin, cut.Find("[data-testid=receipt-pin]").TextContent));
        Assert.NotNull(await Core.Get<PublicLookupService>().LookupAsync(p.Code, p.IssuedPin));
    }

    [Fact]
    public async Task An_officer_saves_a_template_for_its_department_and_picking_it_fills_the_draft_with_the_petitions_details()
    {
        var d = await WorkflowData.DialogueAsync(Core);
        var dept = await WorkflowData.DepartmentIdAsync(Core);
        var p = await WorkflowData.PetitionAsync(Core, d.Id, "Trần Thị Bình");
        SignInAs("diachinh", Roles.DepartmentOfficer, dept);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<AnswerTemplatesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=template-new]"));
        page.Find("[data-testid=template-new]").Click();
        page.Find("input[data-testid=template-title]").Change("Hẹn trả kết quả");
        page.Find("textarea[data-testid=template-body]").Change("Kính gửi {ten_nguoi_kien_nghi}, kiến nghị {ma_kien_nghi} đã được tiếp nhận ngày {ngay_tiep_nhan}.");
        page.Find("[data-testid=template-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Hẹn trả kết quả", page.Find("[data-testid=template-list]").TextContent));
        var saved = Assert.Single(await Core.Get<AnswerTemplateService>().ListAsync(WorkflowData.OfficerOf(dept)));
        Assert.Equal(dept, saved.DepartmentId);

        string? filled = null;
        var picker = Render<TemplatePicker>(x => x.Add(t => t.Petition, p).Add(t => t.Department, "Địa chính").Add(t => t.Picked, (string text) => filled = text));
        picker.WaitForAssertion(() => picker.FindComponent<MudSelect<int?>>());
        await picker.InvokeAsync(() => picker.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(saved.Id));
        Assert.Equal($"Kính gửi Trần Thị Bình, kiến nghị {p.Code} đã được tiếp nhận ngày 20/02/2026.", filled);
    }

    [Fact]
    public async Task The_secretary_records_a_rating_by_phone_and_the_dashboard_panel_shows_it_per_department_and_field()
    {
        var (_, _, open) = await ConcludedSession.ArrangeAsync(Core);
        var follow = Core.Get<FollowUpService>();
        await follow.DraftReplyAsync(WorkflowData.OfficerOf(open.LeadDepartmentId!.Value), open.Id, (await WorkflowData.ReloadAsync(Core, open.Id)).Version, "Trả lời.");
        await follow.ApproveReplyAsync(CoreTestHost.Chairman, open.Id, (await WorkflowData.ReloadAsync(Core, open.Id)).Version);
        await follow.RecordSentAsync(CoreTestHost.Secretary, open.Id, (await WorkflowData.ReloadAsync(Core, open.Id)).Version, new DateOnly(2026, 3, 2), ReplyChannel.ByHand);
        var sent = await WorkflowData.ReloadAsync(Core, open.Id);
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var panel = Render<RatingPanel>(x => x.Add(r => r.Petition, sent));
        panel.WaitForAssertion(() => panel.Find("[data-testid=rating-save]"));
        await panel.InvokeAsync(() => panel.FindComponent<MudRadioGroup<Satisfaction?>>().Instance.ValueChanged.InvokeAsync(Satisfaction.Unsatisfied));
        panel.Find("[data-testid=rating-save]").Click();
        panel.WaitForAssertion(() => Assert.Contains("Không hài lòng", panel.Find("[data-testid=rating-value]").TextContent));

        var dashboard = Render<SatisfactionPanel>();
        dashboard.WaitForAssertion(() => dashboard.Find("[data-testid=satisfaction-departments]"));
        var row = dashboard.Find("[data-testid=satisfaction-departments] tbody tr").TextContent;
        Assert.Contains("Địa chính", row);
        Assert.Contains("0 %", row);
        Assert.Contains("Khác", dashboard.Find("[data-testid=satisfaction-fields]").TextContent);
        Assert.NotEmpty(dashboard.FindAll("[data-testid=satisfaction-bars] svg"));
        Assert.NotEmpty(dashboard.FindAll("[data-testid=satisfaction-quarters] svg"));
    }
}
