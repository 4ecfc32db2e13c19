using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>Issue 33.2: the commune's outgoing register numbers every issued paper, once, and the report cites the plan as issued.</summary>
public sealed class OutgoingRegisterTests
{
    private const string Base = "http://192.168.1.10:5000";
    private static readonly DateOnly Today = new(2026, 3, 2); // the test clock's day

    [Fact]
    public async Task Every_paper_takes_the_years_next_number_a_number_is_never_given_twice_and_a_correction_keeps_its_own()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        var register = host.Get<OutgoingRegisterService>();
        var issuing = host.Get<IssuingService>();

        Assert.Equal(new SuggestedNumber("01/BB-UBND", Today), await register.SuggestAsync(d.Id, DocumentKind.Minutes));
        await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Minutes, "1/BB-UBND", Today, Base);
        Assert.Equal("02/TB-UBND", (await register.SuggestAsync(d.Id, DocumentKind.Notice)).NumberAndSymbol);

        var taken = await Assert.ThrowsAsync<DomainException>(() => issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "01/TB-UBND", Today, Base));
        Assert.Contains("01/BB-UBND", taken.Message);
        Assert.Contains("Biên bản đối thoại", taken.Message);
        Assert.Contains("02/TB-UBND", taken.Message); // the next free one
        await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "02/TB-UBND", Today, Base);
        await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "02/TB-UBND", Today, Base); // a corrected version
        Assert.Equal("02/TB-UBND", (await register.SuggestAsync(d.Id, DocumentKind.Notice)).NumberAndSymbol);

        await register.RecordAsync(CoreTestHost.Secretary, "03/QĐ-UBND", Today, "Quyết định thành lập tổ giúp việc");
        await Assert.ThrowsAsync<DomainException>(() => register.RecordAsync(CoreTestHost.Secretary, "03/CV-UBND", Today, "Công văn"));
        await Assert.ThrowsAsync<ForbiddenException>(() => register.RecordAsync(CoreTestHost.Viewer, "09/CV-UBND", Today, "Công văn"));
        Assert.Equal("04/BC-UBND", (await register.SuggestAsync(d.Id, DocumentKind.ResultsReport)).NumberAndSymbol);

        // The plan, issued with its number and date: the report cites those.
        await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan, "04/KH-UBND", new DateOnly(2026, 2, 2), Base);
        using (var ms = new MemoryStream())
        {
            await host.Get<DocumentService>().WriteAsync(CoreTestHost.Secretary, d.Id, DocumentKind.ResultsReport, ms);
            ms.Position = 0;
            using var doc = WordprocessingDocument.Open(ms, false);
            Assert.Contains("Thực hiện Kế hoạch số 04/KH-UBND ngày 02/02/2026", string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText)));
        }

        var rows = await register.ListAsync(CoreTestHost.Viewer, 2026);
        Assert.Equal(["01/BB-UBND", "02/TB-UBND", "03/QĐ-UBND", "04/KH-UBND"], rows.Select(r => r.NumberAndSymbol));
        Assert.All(rows, r => Assert.Equal("thuky", r.RecordedBy));
        await using (var db = host.NewDb())
            Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(OutgoingEntry) && a.Action == PhoChau.Core.Auditing.AuditAction.Created));
        using var export = new MemoryStream();
        await register.ExportAsync(CoreTestHost.Viewer, 2026, export);
        export.Position = 0;
        using var wb = new XLWorkbook(export);
        var cells = wb.Worksheets.First().CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("03/QĐ-UBND", cells);
        Assert.Contains("Quyết định thành lập tổ giúp việc", cells);
    }

    [Fact]
    public async Task Numbered_by_kind_each_symbol_runs_its_own_series_and_the_notice_issued_after_the_session_takes_its_number_here()
    {
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<NumberingOptions>(o => o.Numbering = "Kind"));
        var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(host); // the notice issued as 12/TB-UBND on its page
        var register = host.Get<OutgoingRegisterService>();
        Assert.Equal(["12/TB-UBND"], (await register.ListAsync(CoreTestHost.Viewer, 2026)).Select(r => r.NumberAndSymbol));
        Assert.Equal("12/TB-UBND", (await register.SuggestAsync(d.Id, DocumentKind.Notice)).NumberAndSymbol);
        Assert.Equal("01/BB-UBND", (await register.SuggestAsync(d.Id, DocumentKind.Minutes)).NumberAndSymbol); // its own series

        var issuing = host.Get<IssuingService>();
        await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "12/TB-UBND", Today, Base); // the same paper: the same line
        await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Minutes, "01/BB-UBND", Today, Base);
        Assert.Equal(2, (await register.ListAsync(CoreTestHost.Viewer, 2026)).Count);
    }
}
