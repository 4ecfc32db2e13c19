using Microsoft.EntityFrameworkCore;
using ClosedXML.Excel;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports;
using PhoChau.Core.Documents;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Reports;

public sealed class ExcelReportTests
{
    private static async Task<XLWorkbook> ExportAsync(CoreTestHost host, Actor actor, int dialogueId, ReportKind kind)
    {
        var ms = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(actor, dialogueId, kind, ms);
        ms.Position = 0;
        return new XLWorkbook(ms);
    }

    private static IXLRow Header(IXLWorksheet ws) => ws.Row(4);

    private static int Column(IXLWorksheet ws, string header) =>
        Header(ws).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;

    [Fact]
    public async Task The_register_keeps_a_citizens_formula_like_text_as_text_and_the_phones_leading_zero()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id, "Nguyễn Văn An", text: "=HYPERLINK(\"http://lua-dao.example\",\"Bấm vào đây\")");
        var plus = await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình", text: "+84 là mã nước; -5 độ; @mọi người");

        using var wb = await ExportAsync(host, CoreTestHost.Secretary, d.Id, ReportKind.PetitionRegister);
        var ws = wb.Worksheet(1);
        var text = ws.Cell(5, Column(ws, "Nội dung kiến nghị"));
        Assert.False(text.HasFormula);
        Assert.Equal(XLDataType.Text, text.DataType);
        Assert.Equal("=HYPERLINK(\"http://lua-dao.example\",\"Bấm vào đây\")", text.GetString());
        Assert.Equal("+84 là mã nước; -5 độ; @mọi người", ws.Cell(6, Column(ws, "Nội dung kiến nghị")).GetString());
        var phone = ws.Cell(5, Column(ws, "Số điện thoại"));
        Assert.Equal(XLDataType.Text, phone.DataType);
        Assert.Equal("0905123456", phone.GetString());
        Assert.Equal("KN-2026-001", ws.Cell(5, 1).GetString());
    }

    [Fact]
    public async Task The_register_has_a_title_frozen_headers_a_filter_real_dates_and_widths()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id);
        using var wb = await ExportAsync(host, CoreTestHost.Secretary, d.Id, ReportKind.PetitionRegister);
        var ws = wb.Worksheet(1);
        Assert.Contains("ỦY BAN NHÂN DÂN XÃ PHỔ CHÂU", ws.Cell(1, 1).GetString());
        Assert.Contains(d.Title, ws.Cell(1, 1).GetString());
        Assert.Equal(4, ws.SheetView.SplitRow);
        Assert.True(ws.AutoFilter.IsEnabled);
        var received = ws.Cell(5, Column(ws, "Ngày tiếp nhận"));
        Assert.Equal(XLDataType.DateTime, received.DataType);
        Assert.Equal(new DateTime(2026, 2, 20), received.GetDateTime());
        Assert.Equal("dd/MM/yyyy", received.Style.DateFormat.Format);
        Assert.True(ws.Column(Column(ws, "Nội dung kiến nghị")).Width > 40);
    }

    [Fact]
    public async Task Personal_data_columns_appear_only_for_roles_allowed_to_see_them()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id);
        using var viewer = await ExportAsync(host, CoreTestHost.Viewer, d.Id, ReportKind.PetitionRegister);
        var headers = Header(viewer.Worksheet(1)).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.DoesNotContain("Số điện thoại", headers);
        Assert.DoesNotContain("Số CCCD", headers);
        Assert.DoesNotContain(viewer.Worksheet(1).CellsUsed(), c => c.GetString().Contains("049012345678"));
        using var secretary = await ExportAsync(host, CoreTestHost.Secretary, d.Id, ReportKind.PetitionRegister);
        Assert.Contains("Số CCCD", Header(secretary.Worksheet(1)).CellsUsed().Select(c => c.GetString()));
    }

    [Fact]
    public async Task An_empty_dialogue_gives_a_valid_file_with_a_no_data_row()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            using var wb = await ExportAsync(host, CoreTestHost.Secretary, d.Id, kind);
            Assert.All(wb.Worksheets, ws => Assert.Equal(XlsxReportWriter.NoData, ws.Cell(5, 1).GetString()));
        }
    }

    [Fact]
    public async Task Control_characters_and_a_30000_character_text_give_a_valid_file_with_the_text()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var longText = string.Concat(Enumerable.Repeat("Đường liên thôn xuống cấp. ", 1200))[..30_000];
        await WorkflowData.PetitionAsync(host, d.Id, "Nguyễn Văn An", text: longText);
        await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình", text: "Dòng một\u0001\u0007 có ký tự điều khiển\u000B.");
        using var wb = await ExportAsync(host, CoreTestHost.Secretary, d.Id, ReportKind.PetitionRegister);
        var ws = wb.Worksheet(1);
        var col = Column(ws, "Nội dung kiến nghị");
        Assert.Equal(longText, ws.Cell(5, col).GetString());
        Assert.Equal("Dòng một có ký tự điều khiển.", ws.Cell(6, col).GetString());
    }

    [Fact]
    public async Task The_speaker_list_shows_order_time_used_and_outcomes()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var queue = host.Get<SpeakerQueueService>();
        var state = await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Nguyễn Văn An", VillageOrOrganisation = "Thôn Vĩnh Tuy", PetitionIds = [p.Id] });
        await HallData.RegisterAsync(host, d.Id, "Trần Thị Bình");
        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        host.Clock.Advance(TimeSpan.FromSeconds(150));
        await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        await host.Get<SessionOutcomeService>().AssignAsync(CoreTestHost.Chairman, p.Id, await WorkflowData.DepartmentIdAsync(host));
        await host.Get<SessionOutcomeService>().SettleAsync(CoreTestHost.Chairman, p.Id, "Đã trả lời", "Chủ tịch");

        using var wb = await ExportAsync(host, CoreTestHost.Secretary, d.Id, ReportKind.Speakers);
        var ws = wb.Worksheet(1);
        Assert.Equal("Nguyễn Văn An", ws.Cell(5, 2).GetString());
        Assert.Equal("02:30", ws.Cell(5, 7).GetString());
        Assert.Contains("Đã giải quyết tại buổi đối thoại", ws.Cell(5, 9).GetString());
        Assert.Equal("Trần Thị Bình", ws.Cell(6, 2).GetString());
    }

    [Fact]
    public async Task The_follow_up_report_counts_on_time_late_and_overdue_replies_as_a_clerk_would()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 3, 2));
        var land = await WorkflowData.DepartmentIdAsync(host);
        var police = await WorkflowData.DepartmentIdAsync(host, "Công an xã");
        // Session Mon 2/3/2026; written replies due 10 working days after: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 → Mon 16/3.
        var due = new DateOnly(2026, 3, 16);
        await using (var db = host.NewDb())
        {
            Petition P(int n, int dept, PetitionState s, DateOnly? sent = null, string? sessionAnswer = null) => new Petition
            {
                DialogueId = d.Id, Number = n, Code = $"KN-2026-{n:D3}", PetitionerName = $"Người {n}", Text = "x",
                LeadDepartmentId = dept, ReplyDueDate = s is PetitionState.NotSettled or PetitionState.ReplySent or PetitionState.Closed && sessionAnswer is null ? due : null,
                ReplySentOn = sent, SessionAnswer = sessionAnswer,
            }.In(s);
            db.Petitions.AddRange(
                P(1, land, PetitionState.ReplySent, new DateOnly(2026, 3, 16)),   // on the due day: on time
                P(2, land, PetitionState.Closed, new DateOnly(2026, 3, 12)),      // early: on time
                P(3, land, PetitionState.ReplySent, new DateOnly(2026, 3, 17)),   // a day late
                P(4, land, PetitionState.NotSettled),                             // no reply, past 16/3 on 19/3: overdue
                P(5, land, PetitionState.SettledAtSession, sessionAnswer: "Đã trả lời tại buổi"),
                P(6, police, PetitionState.NotSettled),                           // overdue too
                P(7, police, PetitionState.ReplySent, new DateOnly(2026, 3, 20)));// late
            await db.SaveChangesAsync(CoreTestHost.Secretary);
        }
        // Three land replies rated: two satisfied (one by the citizen, one by phone), one not.
        var lookup = host.Get<PhoChau.Core.Citizens.PublicLookupService>();
        await using (var db = host.NewDb())
        {
            var ids = await db.Petitions.OrderBy(p => p.Number).Select(p => p.Id).ToListAsync();
            await lookup.RecordAsync(CoreTestHost.Secretary, ids[0], PhoChau.Core.Citizens.Satisfaction.Satisfied, null);
            await lookup.RecordAsync(CoreTestHost.Secretary, ids[1], PhoChau.Core.Citizens.Satisfaction.Satisfied, "Qua điện thoại");
            await lookup.RecordAsync(CoreTestHost.Secretary, ids[2], PhoChau.Core.Citizens.Satisfaction.Unsatisfied, null);
        }
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 19, 3, 0, 0, TimeSpan.Zero)); // Thu 19/3/2026

        using var wb = await ExportAsync(host, CoreTestHost.Chairman, d.Id, ReportKind.FollowUp);
        var ws = wb.Worksheet(1);
        var landRow = ws.RowsUsed().Single(r => r.Cell(1).GetString() == "Địa chính - Nông nghiệp - Xây dựng và Môi trường");
        // Assigned 5; settled at the session 1; on time 2 (#1, #2); late 1 (#3); overdue 1 (#4); pending 0;
        // #4 is 3 working days past its due date (17, 18, 19/3).
        Assert.Equal([5, 1, 2, 1, 1, 0, 3], Enumerable.Range(2, 7).Select(c => (int)landRow.Cell(c).GetDouble()));
        var policeRow = ws.RowsUsed().Single(r => r.Cell(1).GetString() == "Công an xã");
        Assert.Equal([2, 0, 0, 1, 1, 0, 3], Enumerable.Range(2, 7).Select(c => (int)policeRow.Cell(c).GetDouble()));
        // Satisfaction beside the on-time figures: satisfied, neutral, unsatisfied, share satisfied.
        Assert.Equal([2, 0, 1], Enumerable.Range(9, 3).Select(c => (int)landRow.Cell(c).GetDouble()));
        Assert.Equal(66.7, landRow.Cell(12).GetDouble());
        Assert.Equal("", policeRow.Cell(12).GetString());
        var byField = wb.Worksheet("Mức độ hài lòng").RowsUsed().Single(r => r.Cell(1).GetString() == PetitionLabels.Fields[default]);
        Assert.Equal([2, 2, 2, 0, 1], Enumerable.Range(2, 5).Select(c => (int)byField.Cell(c).GetDouble()));
    }

    [Theory]
    [InlineData(ReportKind.PetitionRegister)]
    [InlineData(ReportKind.Speakers)]
    [InlineData(ReportKind.FollowUp)]
    [InlineData(ReportKind.Summary)]
    public async Task Every_report_prints_on_A4_landscape_one_page_wide_with_its_header_row_on_every_page(ReportKind kind)
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id);
        using var wb = await ExportAsync(host, CoreTestHost.Secretary, d.Id, kind);
        foreach (var ws in wb.Worksheets)
        {
            Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
            Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
            Assert.Equal((1, 0), (ws.PageSetup.PagesWide, ws.PageSetup.PagesTall));
            Assert.Equal((4, 4), (ws.PageSetup.FirstRowToRepeatAtTop, ws.PageSetup.LastRowToRepeatAtTop));
        }
    }

    [Fact]
    public async Task The_summary_counts_petitions_by_field_and_by_village()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var tuy = await WorkflowData.VillageAsync(host, "Thôn Vĩnh Tuy");
        var me = await WorkflowData.VillageAsync(host, "Thôn Châu Me");
        await WorkflowData.PetitionAsync(host, d.Id, "A", tuy.Id);
        await WorkflowData.PetitionAsync(host, d.Id, "B", tuy.Id);
        await WorkflowData.PetitionAsync(host, d.Id, "C", me.Id);
        using var wb = await ExportAsync(host, CoreTestHost.Secretary, d.Id, ReportKind.Summary);
        var byVillage = wb.Worksheet("Theo thôn");
        Assert.Equal(2, (int)byVillage.RowsUsed().Single(r => r.Cell(1).GetString() == "Thôn Vĩnh Tuy").Cell(2).GetDouble());
        Assert.Equal(3, (int)byVillage.RowsUsed().Single(r => r.Cell(1).GetString() == "Tổng cộng").Cell(2).GetDouble());
        var byField = wb.Worksheet("Theo lĩnh vực");
        Assert.Equal(3, (int)byField.RowsUsed().Single(r => r.Cell(1).GetString() == "Khác").Cell(2).GetDouble());
    }
}
