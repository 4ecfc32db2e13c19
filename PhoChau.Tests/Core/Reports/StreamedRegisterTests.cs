using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports;
using PhoChau.Core.Documents;

namespace PhoChau.Tests.Core.Reports;

/// <summary>The streamed register holds exactly the cells the ClosedXML writer produces from the same rows.</summary>
public sealed class StreamedRegisterTests
{
    public static TheoryData<string> Roles => [PhoChau.Core.Security.Roles.Secretary, PhoChau.Core.Security.Roles.Viewer];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_streamed_register_and_the_ClosedXML_one_hold_the_same_cells_for_the_same_data(string role)
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var village = await WorkflowData.VillageAsync(host);
        var dept = await WorkflowData.DepartmentIdAsync(host);
        var petitions = host.Get<PetitionService>();
        string[] texts =
        [
            "=HYPERLINK(\"http://lua-dao.example\",\"Bấm\")", "+84 905", "-5 độ", "@mọi người", "  có khoảng trắng đầu và cuối  ",
            "dòng 1\ndòng 2\tcột", "ký tự điều khiển \u0001\u0007 bỏ đi", new string('Đ', 31_000), "0123", "Bình thường",
        ];
        for (var i = 0; i < texts.Length; i++)
        {
            var input = WorkflowData.Input(d.Id, $"Người thứ {i} <b>", i % 2 == 0 ? village.Id : null, texts[i]);
            input.Phone = i % 3 == 0 ? null : "0905123456";
            input.Address = i % 4 == 0 ? "=1+1" : "Thôn Vĩnh Tuy";
            var p = await petitions.CreateAsync(CoreTestHost.Secretary, input);
            if (i % 2 == 1) await petitions.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        }
        var actor = new Actor("x", "x", new HashSet<string> { role });

        var streamed = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(actor, d.Id, ReportKind.PetitionRegister, streamed);
        var reference = await ClosedXmlRegisterAsync(host, actor, d);

        streamed.Position = 0;
        using var a = new XLWorkbook(streamed);
        using var b = new XLWorkbook(reference);
        var (s, r) = (a.Worksheet(1), b.Worksheet(1));
        Assert.Equal(r.Name, s.Name);
        Assert.Equal(r.LastRowUsed().RowNumber(), s.LastRowUsed().RowNumber());
        Assert.Equal(r.LastColumnUsed().ColumnNumber(), s.LastColumnUsed().ColumnNumber());
        foreach (var cell in r.Range(1, 1, r.LastRowUsed().RowNumber(), r.LastColumnUsed().ColumnNumber()).Cells())
        {
            var other = s.Cell(cell.Address.RowNumber, cell.Address.ColumnNumber);
            Assert.True((cell.DataType, cell.GetString(), cell.HasFormula) == (other.DataType, other.GetString(), other.HasFormula),
                $"{cell.Address}: ClosedXML {cell.DataType} '{Cut(cell.GetString())}', streamed {other.DataType} '{Cut(other.GetString())}'");
            if (cell.DataType == XLDataType.DateTime) Assert.Equal(cell.Style.DateFormat.Format, other.Style.DateFormat.Format);
        }
        Assert.Equal(r.SheetView.SplitRow, s.SheetView.SplitRow);
        Assert.Equal(r.AutoFilter.Range.RangeAddress.ToString(), s.AutoFilter.Range.RangeAddress.ToString());
        for (var c = 1; c <= r.LastColumnUsed().ColumnNumber(); c++)
        {
            Assert.Equal(r.Column(c).Width, s.Column(c).Width, 0.01);
            Assert.Equal(r.Cell(4, c).Style.Font.Bold, s.Cell(4, c).Style.Font.Bold);
        }
    }

    [Fact]
    public async Task The_streamed_register_is_a_valid_spreadsheet_for_the_OpenXML_validator()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id);
        var streamed = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(CoreTestHost.Secretary, d.Id, ReportKind.PetitionRegister, streamed);
        streamed.Position = 0;
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(streamed, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public async Task An_empty_register_says_so_in_both()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var streamed = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(CoreTestHost.Secretary, d.Id, ReportKind.PetitionRegister, streamed);
        streamed.Position = 0;
        using var wb = new XLWorkbook(streamed);
        Assert.Equal(XlsxReportWriter.NoData, wb.Worksheet(1).Cell(5, 1).GetString());
    }

    /// <summary>The previous register: the same headers and rows through the ClosedXML writer.</summary>
    private static async Task<MemoryStream> ClosedXmlRegisterAsync(CoreTestHost host, Actor actor, Dialogue d)
    {
        await using var db = host.NewDb();
        var personal = actor.Allows(Permission.SeePersonalData);
        var villages = await db.Villages.ToDictionaryAsync(v => v.Id, v => v.Name);
        var departments = await db.Departments.ToDictionaryAsync(x => x.Id, x => x.Name);
        var rows = (await db.Petitions.AsNoTracking().Where(p => p.DialogueId == d.Id).OrderBy(p => p.Number).ToListAsync())
            .Select(p => ReportService.RegisterRow(p, personal, villages, departments)).ToList();
        var heading = await ReportService.HeadingAsync(db, await db.Dialogues.SingleAsync(x => x.Id == d.Id), default);
        var ms = new MemoryStream();
        XlsxReportWriter.Write(ms, heading, [new ReportTable(ReportService.RegisterSheet, ReportService.RegisterTitle, ReportService.RegisterHeaders(personal), rows)]);
        ms.Position = 0;
        return ms;
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
