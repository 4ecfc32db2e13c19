using ClosedXML.Excel;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;

namespace PhoChau.Tests.EndToEnd;

public sealed class ReportsDownloadTests
{
    [Fact]
    public async Task Each_report_downloads_from_the_reports_page_and_opens_in_ClosedXML()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true });
        await Browser.SignInAsync(page, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/reports");

        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var download = await Browser.DownloadAsync(page, $"[data-testid=download-{kind}]");
            Assert.Equal(ReportService.FileName(kind, 1), download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
            await download.SaveAsAsync(path);
            using (var wb = new XLWorkbook(path))
            {
                Assert.Contains("Phổ Châu", wb.Worksheet(1).Cell(1, 1).GetString(), StringComparison.OrdinalIgnoreCase);
                if (kind == ReportKind.PetitionRegister)
                    Assert.Equal(30, wb.Worksheet(1).RowsUsed().Count(r => r.Cell(1).GetString().StartsWith("KN-")));
            }
            File.Delete(path);
        }

        // Every card has finished (its progress gone) before the documents' buttons are clicked.
        await page.WaitForSelectorAsync(".mud-progress-linear", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var download = await Browser.DownloadAsync(page, $"[data-testid=download-doc-{kind}]");
            Assert.Equal(DocumentService.FileName(kind, 1), download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
            await download.SaveAsAsync(path);
            using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false))
            {
                Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc));
                Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", doc.MainDocumentPart!.Document.Body!.InnerText);
            }
            File.Delete(path);

            // The same document as PDF, read back by poppler.
            Poppler.Require();
            download = await Browser.DownloadAsync(page, $"[data-testid=download-pdf-{kind}]");
            Assert.Equal(DocumentService.FileName(kind, 1, PaperFormat.Pdf), download.SuggestedFilename);
            path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf");
            await download.SaveAsAsync(path);
            var text = await Poppler.TextAsync(path);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
            Assert.All(await Poppler.FontsAsync(path), f => Assert.True(f.Embedded, f.Name));
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Anonymous_users_cannot_download_a_report()
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().GetAsync("/reports/1/PetitionRegister.xlsx");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }
}
