using PhoChau.Core.Reports;
using PhoChau.Core.Records;

namespace PhoChau.Tests.Core.Reports;

/// <summary>Issue 22: the documents as PDF, read back by an independent reader (poppler).</summary>
public sealed class PdfDocumentTests
{
    private static async Task<string> WriteAsync(CoreTestHost host, int dialogueId, DocumentKind kind)
    {
        var path = Path.Combine(host.DataRoot, DocumentService.FileName(kind, dialogueId, PaperFormat.Pdf));
        await using (var file = File.Create(path))
            await host.Get<DocumentService>().WriteAsync(CoreTestHost.Secretary, dialogueId, kind, file, format: PaperFormat.Pdf);
        return PopplerSignatures.Keep(path);
    }

    [Theory]
    [InlineData(DocumentKind.Minutes)]
    [InlineData(DocumentKind.Notice)]
    [InlineData(DocumentKind.ResultsReport)]
    [InlineData(DocumentKind.Plan)]
    [InlineData(DocumentKind.Announcement)]
    public async Task Each_document_reads_back_with_its_title_motto_and_Vietnamese_text_in_embedded_fonts_on_A4(DocumentKind kind)
    {
        Poppler.Require();
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        var pdf = await WriteAsync(host, d.Id, kind);

        // A wrapped line reads as one; the page numbers at the top of pages 2… are left out (a paragraph may run over a page).
        var text = string.Join(' ', (await Poppler.TextAsync(pdf)).Split('\n').Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\f?\s*\d{1,3}\s*$")));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("ỦY BAN NHÂN DÂN XÃ PHỔ CHÂU", text);
        Assert.Contains("Số: ", text);
        Assert.Contains("Phổ Châu, ngày", text);
        Assert.Contains("Lê Văn Thái", text);
        // The title, the subtitle and every line of the body, word for word, as the .docx has them.
        var composed = await host.Get<DocumentService>().ComposeAsync(CoreTestHost.Secretary, d.Id, kind);
        foreach (var line in composed.Body.Prepend(composed.Subtitle).Prepend(composed.Title))
            Assert.Contains(Words(line), Words(text));

        var fonts = await Poppler.FontsAsync(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+(Liberation Serif|Times New Roman)", f.Name));
        Assert.Matches(@"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", await Poppler.InfoAsync(pdf));
    }

    [Fact]
    public async Task The_notice_reads_back_with_its_number_date_body_and_recipients_exactly()
    {
        Poppler.Require();
        await using var host = await CoreTestHost.StartAsync();
        var (d, open) = await ConcludedSession.WithIssuedNoticeAsync(host);

        var text = await Poppler.TextAsync(await WriteAsync(host, d.Id, DocumentKind.Notice));
        Assert.All(ConcludedSession.IssuedNoticeLines, line => Assert.Contains(line, text));
        Assert.Contains(ConcludedSession.NoticeLineOf(open), text.Replace("\n", " "));
    }

    private static string Words(string s) => string.Join(' ', s.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
