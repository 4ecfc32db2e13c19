using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using System.Text.Json;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// Issue 22 in the chairman's browser: "Ký bằng USB token" hands the plugin its parameters (the VGCA pattern); a test
/// plugin (the page's vgca_sign_issued, signing in the test with a test certificate) fetches the file and posts it
/// back; then "Đóng dấu số" seals it on the server with the images the administrator uploaded on "Chữ ký số". The file downloaded from the page passes pdfsig, shows both
/// images where the signature goes, and its code's public page says it is current.
/// </summary>
public sealed class SigningTests
{
    [Fact]
    public async Task The_chairman_signs_with_the_token_plugin_then_seals_and_the_signed_plan_passes_pdfsig()
    {
        PopplerSignatures.Require();
        var folder = Directory.CreateTempSubdirectory("phochau-seal").FullName;
        using var seal = TestSigning.Certificate("UBND xa Pho Chau");
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await RunningPortal.StartAsync(demo: true, new Dictionary<string, string>
        {
            ["Signing:SealPfxPath"] = TestSigning.PfxFile(folder, seal, "mật khẩu dấu"), ["Signing:SealPfxPassword"] = "mật khẩu dấu",
        });
        var issuing = portal.Services.GetRequiredService<IssuingService>();

        // The administrator uploads the images once, on the Chữ ký số page; a JPEG is refused.
        var adminPage = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await Browser.SignInAsync(adminPage, portal.BaseUrl, "admin", PortalFactory.AdminPassword);
        await Browser.GotoInteractiveAsync(adminPage, portal.BaseUrl + "/admin/chu-ky-so");
        await adminPage.SetInputFilesAsync("[data-testid=art-file-Seal]", new FilePayload { Name = "con-dau.jpg", MimeType = "image/png", Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0] });
        await Assertions.Expect(adminPage.Locator(".mud-snackbar")).ToContainTextAsync("PNG");
        await adminPage.SetInputFilesAsync("[data-testid=art-file-Seal]", new FilePayload { Name = "con-dau.png", MimeType = "image/png", Buffer = TestSigning.SealPng() });
        await Assertions.Expect(adminPage.Locator("[data-testid=art-preview-Seal]")).ToBeVisibleAsync();
        await adminPage.SetInputFilesAsync("[data-testid=art-file-Signature]", new FilePayload { Name = "chu-ky.png", MimeType = "image/png", Buffer = TestSigning.SignaturePng() });
        await Assertions.Expect(adminPage.Locator("[data-testid=art-preview-Signature]")).ToBeVisibleAsync();
        await Assertions.Expect(adminPage.Locator("[data-testid=seal-certificate]")).ToContainTextAsync("Đã cấu hình");
        var version = await issuing.IssueAsync(DemoSession.Secretary, 1, DocumentKind.Plan, "12/KH-UBND", DateOnly.FromDateTime(DateTime.Today), portal.BaseUrl);

        var page = await chromium.Browser.NewPageAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1366, Height = 768 } });
        // The plugin's part, in the test: what the page hands it, the file fetched, signed with the token's key, posted back.
        using var token = TestSigning.Certificate("Le Van Thai");
        using var plugin = new HttpClient();
        var handed = new List<JsonElement>();
        await page.ExposeFunctionAsync("testPluginSign", async (string json) =>
        {
            var prms = JsonDocument.Parse(json).RootElement.Clone();
            handed.Add(prms);
            var offered = await plugin.GetByteArrayAsync(prms.GetProperty("FileName").GetString());
            var signed = await PdfSigner.SignAsync(offered, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký ban hành", "Phổ Châu", DateTimeOffset.Now));
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(signed.Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "uploadfile", "signed.pdf");
            var answer = await plugin.PostAsync(prms.GetProperty("FileUploadHandler").GetString(), form);
            return await answer.Content.ReadAsStringAsync();
        });
        await page.AddInitScriptAsync("window.vgca_sign_issued = (json, callback) => window.testPluginSign(json).then(callback);");
        await Browser.SignInAsync(page, portal.BaseUrl, "chutich", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/dialogues/1/ky-so");

        var card = page.Locator("[data-testid=issuing-Plan]");
        await card.Locator("[data-testid=sign-token]").ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=issued-state]")).ToHaveTextAsync("Đã ký", new() { Timeout = 20000 });
        var prms = Assert.Single(handed);
        Assert.Equal("12/KH-UBND", prms.GetProperty("DocNumber").GetString());
        Assert.StartsWith(portal.BaseUrl + "/ky-so/", prms.GetProperty("FileName").GetString());
        Assert.Equal(version.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00", prms.GetProperty("IssuedDate").GetString());

        await card.Locator("[data-testid=seal]").ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=issued-state]")).ToHaveTextAsync("Đã ký và đóng dấu số", new() { Timeout = 20000 });

        var download = await page.RunAndWaitForDownloadAsync(() => card.Locator("[data-testid=issued-download]").ClickAsync());
        var path = Path.Combine(folder, "thong-bao-ket-luan-da-ky.pdf");
        await download.SaveAsAsync(path);
        var report = await PopplerSignatures.ReportAsync(path);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(report, "Signature is Valid").Count);
        Assert.Contains("Total document signed", report);
        Assert.Contains("Mã xác minh: " + version.Code, await Poppler.TextAsync(path));

        // The signature block as a reader draws it: the red seal over the blue signature.
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>().CreateDbContextAsync())
        {
            var row = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == version.Id);
            var rendered = await PopplerSignatures.PageAsync(path, row.SignaturePage + 1, dpi: 72);
            Assert.True(PopplerSignatures.Count(rendered, row.SignatureX, row.SignatureY, row.SignatureWidth, row.SignatureHeight, PopplerSignatures.Red, margin: 40) > 50,
                "no red seal in the signature block");
        }
        PopplerSignatures.Keep(path);

        await page.GotoAsync(portal.BaseUrl + "/xac-minh/" + version.Code);
        await Assertions.Expect(page.Locator("[data-testid=verify-current]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=verify-state]")).ToHaveTextAsync("Đã ký và đóng dấu số");
    }
}
