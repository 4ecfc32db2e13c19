using Bunit;
using MudBlazor;
using PhoChau.Core.Petitions;
using PhoChau.Portal.Features.Petitions;

namespace PhoChau.Tests.Portal.Petitions;

public sealed class PetitionPagesTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        foreach (var type in new[] { typeof(PetitionService), typeof(PetitionQuery), typeof(PetitionImport), typeof(AttachmentService), typeof(PhoChau.Core.Dialogues.DialogueService), typeof(PetitionInputValidator) })
            services.AddSingleton(type, Core.Services.GetRequiredService(type));
    }

    [Fact]
    public async Task The_secretary_records_a_petition_with_the_form()
    {
        var (dialogue, cut) = await SecretarysFormAsync();

        cut.Find("input[data-testid=petitioner-name]").Change("Nguyễn Thị Hoa");
        cut.Find("input[data-testid=petitioner-phone]").Change("0912 345 678");
        cut.Find("textarea[data-testid=petition-text]").Change("Đề nghị rút ngắn thời gian cấp giấy phép xây dựng.");
        // The form opens on "administrative procedure": it needs the procedure's name.
        cut.Find("[data-testid=save-petition]").Click();
        var page = await Core.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { DialogueId = dialogue.Id });
        Assert.Equal(0, page.Total);

        cut.Find("input[data-testid=petition-procedure]").Change("Cấp giấy phép xây dựng nhà ở riêng lẻ");
        // Consent is never assumed: without the box ticked nothing is saved, and the reason is under the box.
        cut.Find("[data-testid=save-petition]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Cần có sự đồng ý", cut.Find("[data-testid=petition-consent-box]").TextContent));
        Assert.Equal(0, (await Core.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { DialogueId = dialogue.Id })).Total);
        Assert.Contains("Luật Bảo vệ dữ liệu cá nhân", cut.Find("[data-testid=petition-consent-box]").TextContent); // the purpose shown
        var consent = cut.Find("[data-testid=petition-consent]");
        (consent.TagName == "INPUT" ? consent : consent.QuerySelector("input")!).Change(true);
        cut.Find("[data-testid=save-petition]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, Core.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { DialogueId = dialogue.Id }).Result.Total));
        var saved = (await Core.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter())).Rows.Single();
        Assert.Equal(("KN-2026-001", "Nguyễn Thị Hoa", "0912345678"), (saved.Code, saved.PetitionerName, saved.Phone));
        var stored = await WorkflowData.ReloadAsync(Core, saved.Id);
        Assert.Equal(("thuky", Core.Clock.GetUtcNow().UtcDateTime, PhoChau.Core.Choices.Consent.Purpose), (stored.ConsentBy, stored.ConsentAtUtc!.Value, stored.ConsentPurpose));
    }

    [Fact]
    public async Task A_bad_phone_shows_the_Vietnamese_message_and_keeps_the_form()
    {
        await WorkflowData.DialogueAsync(Core);
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<PetitionFormPage>();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=petitioner-name]"));
        cut.Find("input[data-testid=petitioner-name]").Change("Nguyễn Thị Hoa");
        cut.Find("input[data-testid=petitioner-phone]").Change("12ab");
        cut.Find("textarea[data-testid=petition-text]").Change("Nội dung");
        cut.Find("[data-testid=save-petition]").Click();
        // Under the phone field itself, not only in a pop-up.
        cut.WaitForAssertion(() => Assert.Contains("Số điện thoại không đúng định dạng",
            cut.Find("[data-testid=petitioner-phone]").Closest(".mud-input-control")!.TextContent));
        snackbar.WaitForAssertion(() => Assert.Contains("Chưa lưu", snackbar.Markup));
        Assert.Equal("Nguyễn Thị Hoa", cut.Find("input[data-testid=petitioner-name]").GetAttribute("value"));
    }

    [Fact]
    public async Task The_department_inbox_lists_only_its_petitions_with_the_working_days_left()
    {
        var dialogue = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        var mine = await WorkflowData.PetitionAsync(Core, dialogue.Id, "Nguyễn Văn An");
        var other = await WorkflowData.PetitionAsync(Core, dialogue.Id, "Trần Thị Bình");
        var dept = await WorkflowData.DepartmentIdAsync(Core);
        var police = await WorkflowData.DepartmentIdAsync(Core, "Công an xã");
        await Core.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, mine.Id, mine.Version, dept);
        await Core.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, other.Id, other.Version, police);

        SignInAs("diachinh", Roles.DepartmentOfficer, dept);
        Render<MudPopoverProvider>();
        var cut = Render<InboxPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.petition-row")));
        var row = cut.Find("tr.petition-row").TextContent;
        Assert.Contains("Nguyễn Văn An", row);
        Assert.DoesNotContain("Trần Thị Bình", cut.Markup);
        // Answers due Fri 3/4/2026; from Mon 2/3/2026 that is 24 working days.
        Assert.Contains("03/04/2026 (còn 24 ngày làm việc)", cut.Find("[data-testid=petition-due]").TextContent);
    }

    [Fact]
    public async Task An_overdue_answer_is_marked_in_the_inbox()
    {
        var dialogue = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        var p = await WorkflowData.PetitionAsync(Core, dialogue.Id);
        var dept = await WorkflowData.DepartmentIdAsync(Core);
        await Core.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        Core.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 7, 2, 0, 0, TimeSpan.Zero)); // Tue 7/4: 2 working days late

        SignInAs("diachinh", Roles.DepartmentOfficer, dept);
        Render<MudPopoverProvider>();
        var cut = Render<InboxPage>();
        cut.WaitForAssertion(() => Assert.Contains("Quá hạn 2 ngày làm việc", cut.Find("[data-testid=petition-due]").TextContent));
        Assert.Contains("overdue", cut.Find("[data-testid=petition-due]").ClassName);
    }

    [Fact]
    public async Task After_an_import_the_page_links_to_what_was_saved_and_offers_the_rejected_rows()
    {
        var dialogue = await WorkflowData.DialogueAsync(Core);
        await WorkflowData.VillageAsync(Core, "Thôn Vĩnh Tuy");
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<ImportPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()));
        Assert.Contains("Chưa chọn tệp", cut.Markup); // the chooser's own words, in Vietnamese

        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet("Kiến nghị");
        var headers = ImportColumn.All.Select(c => c.Header).ToArray();
        for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).SetValue(headers[c]);
        string[][] rows =
        [
            ["Nguyễn Văn Nhập", "Cá nhân", "Vĩnh Tuy", "", "", "", "Qua Trưởng thôn", "20/02/2026", "Khác", "", "Đề nghị sửa đường."],
            ["Lê Văn Sai", "Cá nhân", "Thôn Không Có", "", "", "", "Qua Trưởng thôn", "20/02/2026", "Khác", "", "Đề nghị lắp đèn."],
        ];
        for (var r = 0; r < rows.Length; r++) for (var c = 0; c < rows[r].Length; c++) ws.Cell(r + 2, c + 1).SetValue(rows[r][c]);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(ms.ToArray(), "danh-sach.xlsx"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=import-rejected]")));
        Assert.Contains("danh-sach.xlsx", cut.Find("[data-testid=file-picker-name]").TextContent);
        // Saving waits for the clerk to confirm the petitioners' written consent (never ticked by default).
        Assert.True(cut.Find("[data-testid=import-confirm]").HasAttribute("disabled"));
        var consent = cut.Find("[data-testid=import-consent]");
        (consent.TagName == "INPUT" ? consent : consent.QuerySelector("input")!).Change(true);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=import-confirm]").HasAttribute("disabled")));
        cut.Find("[data-testid=import-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Đã nhập 1 kiến nghị", cut.Find("[data-testid=import-done]").TextContent));
        Assert.Equal($"/petitions?dialogue={dialogue.Id}&tu=1&den=1", cut.Find("[data-testid=import-done-link]").GetAttribute("href"));
        Assert.NotNull(cut.Find("[data-testid=import-rejected]")); // the rejected row can still be downloaded to correct
        cut.Find("[data-testid=import-rejected]").Click();
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "phochau.saveStream" && (string)i.Arguments[0]! == "kien-nghi-khong-nhap-duoc.xlsx"));
    }

    [Fact]
    public async Task A_wrong_field_is_marked_with_its_reason_under_it_and_nothing_is_saved()
    {
        var (dialogue, cut) = await SecretarysFormAsync();
        cut.Find("input[data-testid=petitioner-phone]").Change("12345");
        cut.Find("[data-testid=save-petition]").Click();

        cut.WaitForAssertion(() =>
        {
            string ErrorUnder(string testId) => cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent ?? "";
            Assert.True(ErrorUnder("petitioner-name").Contains("Họ tên người kiến nghị"), cut.Find("[data-testid=petitioner-name]").Closest(".mud-input-control")!.OuterHtml);
            Assert.NotEqual("", ErrorUnder("petitioner-phone"));
            Assert.NotEqual("", ErrorUnder("petition-procedure"));
            Assert.NotEqual("", ErrorUnder("petition-text"));
        });
        Assert.Equal(0, (await Core.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { DialogueId = dialogue.Id })).Total);
    }

    /// <summary>A dialogue, and the secretary's new-petition form ready for typing.</summary>
    private async Task<(PhoChau.Core.Dialogues.Dialogue Dialogue, IRenderedComponent<PetitionFormPage> Form)> SecretarysFormAsync()
    {
        var dialogue = await WorkflowData.DialogueAsync(Core);
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<PetitionFormPage>();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=petitioner-name]"));
        return (dialogue, cut);
    }
}
