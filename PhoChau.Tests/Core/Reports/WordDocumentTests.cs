using PhoChau.Core.AfterSession;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;

namespace PhoChau.Tests.Core.Reports;

public sealed class WordDocumentTests
{
    private static async Task<WordprocessingDocument> WriteAsync(CoreTestHost host, int dialogueId, DocumentKind kind)
    {
        var ms = new MemoryStream();
        await host.Get<DocumentService>().WriteAsync(CoreTestHost.Secretary, dialogueId, kind, ms);
        ms.Position = 0;
        return WordprocessingDocument.Open(ms, false);
    }

    [Theory]
    [InlineData(DocumentKind.Minutes)]
    [InlineData(DocumentKind.Notice)]
    [InlineData(DocumentKind.ResultsReport)]
    public async Task Each_document_is_a_valid_package_laid_out_as_Decree_30_asks(DocumentKind kind)
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        using var doc = await WriteAsync(host, d.Id, kind);

        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = doc.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("ỦY BAN NHÂN DÂN XÃ PHỔ CHÂU", text);
        Assert.Contains("Số: ", text);
        Assert.Matches(@"Phổ Châu, ngày", text);
        Assert.Contains("Lê Văn Thái", text);
        var page = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906U, 16838U), (page.Width!.Value, page.Height!.Value)); // A4
        var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        var bodySizes = body.Descendants<Run>().Where(r => r.InnerText.Length > 60).Select(r => r.RunProperties!.FontSize!.Val!.Value).Distinct();
        Assert.All(bodySizes, s => Assert.True(s is "26" or "28", $"body size {s} half-points"));
    }

    [Fact]
    public async Task The_notice_carries_its_number_date_conclusions_and_recipients()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, open) = await ConcludedSession.WithIssuedNoticeAsync(host);

        using var doc = await WriteAsync(host, d.Id, DocumentKind.Notice);
        var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.All(ConcludedSession.IssuedNoticeLines, line => Assert.Contains(line, text));
        Assert.Contains(ConcludedSession.NoticeLineOf(open), text);
    }

    [Fact]
    public async Task The_minutes_document_uses_the_edited_minutes_and_both_signatures()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        var service = host.Get<AfterSessionService>();
        var m = await service.DraftMinutesAsync(CoreTestHost.Secretary, d.Id);
        await service.SaveMinutesAsync(CoreTestHost.Secretary, m.Id, m.Version, "Dòng thứ nhất đã sửa.\nDòng thứ hai có ký tự \u0007 điều khiển.");
        using var doc = await WriteAsync(host, d.Id, DocumentKind.Minutes);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("Dòng thứ nhất đã sửa.", text);
        Assert.Contains("Dòng thứ hai có ký tự  điều khiển.", text);
        Assert.Contains("THƯ KÝ", text);
        Assert.Contains("Nguyễn Thị Mai", text);
        Assert.Contains("CHỦ TRÌ", text);
    }

    [Fact]
    public async Task The_results_report_gives_the_figures()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        using var doc = await WriteAsync(host, d.Id, DocumentKind.ResultsReport);
        var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("1. Tổng số kiến nghị, phản ánh tiếp nhận: 2; số người đăng ký phát biểu: 2.", text);
        Assert.Contains("2. Giải quyết tại buổi đối thoại: 1 kiến nghị.", text);
        Assert.Contains("giao trả lời bằng văn bản: 1 kiến nghị", text);
    }

    /// <summary>Issue 33.8: the minutes' section headings are bold, their numbered items are not.</summary>
    [Fact]
    public async Task The_minutes_print_their_section_headings_bold_and_their_items_plain()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        using var doc = await WriteAsync(host, d.Id, DocumentKind.Minutes);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().ToList();
        bool Bold(string start) => paragraphs.First(p => p.InnerText.StartsWith(start, StringComparison.Ordinal))
            .Descendants<Run>().All(r => r.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value));
        foreach (var heading in new[] { "I. THÀNH PHẦN", "II. NỘI DUNG ĐỐI THOẠI", "III. KẾT QUẢ GIẢI QUYẾT KIẾN NGHỊ", "IV. KẾT LUẬN CỦA CHỦ TRÌ" })
            Assert.True(Bold(heading), heading + " is not bold");
        Assert.False(Bold("1. Kiến nghị đã giải quyết tại buổi đối thoại"));
    }
}
