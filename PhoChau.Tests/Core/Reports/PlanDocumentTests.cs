using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>Issue 22: the plan (KH-UBND) and the announcement, drafted from the dialogue's data, edited, written as .docx and PDF, issued.</summary>
public sealed class PlanDocumentTests
{
    private static string Date(DateOnly? d) => d!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_plan_is_drafted_with_its_working_day_deadlines_edited_before_issue_and_written_as_docx_and_PDF()
    {
        Poppler.Require();
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host); // Tuesday 14/04/2026, 8:00
        var documents = host.Get<DocumentService>();
        await using var db = host.NewDb();
        var due = await db.DialogueDeadlines.AsNoTracking().Where(x => x.DialogueId == d.Id).ToDictionaryAsync(x => x.Key, x => x.DueDate);

        var (text, version, saved) = await documents.DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan);
        Assert.False(saved);
        Assert.Equal(0, version);
        Assert.Contains($"chậm nhất ngày {Date(due[DeadlineKeys.Answers])} (07 ngày làm việc trước ngày đối thoại)", text);
        Assert.Contains($"Chậm nhất ngày {Date(due[DeadlineKeys.Conclusion])} (05 ngày làm việc sau buổi đối thoại)", text);
        Assert.Contains($"Chậm nhất ngày {Date(due[DeadlineKeys.Replies])} (10 ngày làm việc sau buổi đối thoại)", text);
        Assert.Contains("- Thời gian đối thoại: 08 giờ 00 phút, ngày 14/04/2026.", text);
        Assert.Contains("- Địa điểm: Hội trường UBND xã Phổ Châu.", text);
        foreach (var heading in new[] { "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "4.1. Trước khi đối thoại", "4.2. Chương trình đối thoại", "4.3. Sau khi đối thoại", "III. TỔ CHỨC THỰC HIỆN", "7. Các Trưởng thôn" })
            Assert.Contains(heading, text);

        var edited = text.Replace("trao đổi, đối thoại trực tiếp với tổ chức", "trao đổi, đối thoại trực tiếp và trực tuyến với tổ chức");
        await documents.SaveDraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan, edited, 0);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => documents.SaveDraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan, "khác", 0));
        await Assert.ThrowsAsync<ForbiddenException>(() => documents.SaveDraftAsync(CoreTestHost.Viewer, d.Id, DocumentKind.Plan, "khác", 1));
        Assert.True((await documents.DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan)).Saved);

        using (var docx = new MemoryStream())
        {
            await documents.WriteAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan, docx);
            using var zip = new ZipArchive(new MemoryStream(docx.ToArray()));
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            var xml = System.Net.WebUtility.HtmlDecode(await reader.ReadToEndAsync());
            Assert.Contains("KẾ HOẠCH", xml);
            Assert.Contains("/KH-UBND", xml);
            Assert.Contains("trực tiếp và trực tuyến", xml);
            // The plan's headings bold, as plans print them; its items not.
            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx.ToArray()), false);
            var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
            bool Bold(string start) => paragraphs.First(p => p.InnerText.StartsWith(start, StringComparison.Ordinal))
                .Descendants<DocumentFormat.OpenXml.Wordprocessing.Bold>().Any();
            Assert.True(Bold("II. NỘI DUNG"));
            Assert.True(Bold("4.1. Trước khi đối thoại"));
            Assert.False(Bold("- Hình thức đối thoại"));
            Assert.False(Bold("Thực hiện kế hoạch cải cách hành chính"));
        }

        var issued = await host.Get<IssuingService>().IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan, "5/KH-UBND", new DateOnly(2026, 3, 2), "http://192.168.1.10:5000");
        var path = Path.Combine(host.DataRoot, "ke-hoach.pdf");
        await File.WriteAllBytesAsync(path, (await host.Get<IssuingService>().DownloadAsync(CoreTestHost.Secretary, issued.Id)).Pdf);
        var pdf = (await Poppler.TextAsync(path)).Replace("\n", " ");
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pdf);
        Assert.Contains("Số: 05/KH-UBND", pdf); // as the outgoing register writes it
        Assert.Contains("KẾ HOẠCH", pdf);
        Assert.Contains("trực tiếp và trực tuyến", pdf);
        Assert.Contains($"ngày {Date(due[DeadlineKeys.Answers])}", pdf);
        Assert.All(await Poppler.FontsAsync(path), f => Assert.True(f.Embedded, f.Name));

        // Empty text: back to the draft composed from the data.
        await documents.SaveDraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan, "  ", 1);
        Assert.DoesNotContain("trực tuyến", (await documents.DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan)).Text);
    }

    [Fact]
    public async Task The_announcement_is_a_document_with_time_place_and_content()
    {
        Poppler.Require();
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var text = (await host.Get<DocumentService>().DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Announcement)).Text;
        Assert.Contains("- Thời gian: 08 giờ 00 phút, thứ Ba, ngày 14/04/2026.", text);
        Assert.Contains("- Địa điểm: Hội trường UBND xã Phổ Châu.", text);

        var path = Path.Combine(host.DataRoot, "thong-bao.pdf");
        await using (var file = File.Create(path))
            await host.Get<DocumentService>().WriteAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Announcement, file, format: PaperFormat.Pdf);
        var pdf = (await Poppler.TextAsync(path)).Replace("\n", " ");
        Assert.Contains("THÔNG BÁO", pdf);
        Assert.Contains("/TB-UBND", pdf);
        Assert.Contains("thứ Ba, ngày 14/04/2026", pdf);
        await Assert.ThrowsAsync<NotFoundException>(() => host.Get<DocumentService>().DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Minutes));
    }
}
