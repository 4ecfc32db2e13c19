using PhoChau.Core.Reports;
using PhoChau.Core.Documents;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>Issue 22: PDFs signed as PAdES asks, as incremental updates, checked by poppler's pdfsig.</summary>
public sealed class PdfSigningTests
{
    private static byte[] Notice()
    {
        var doc = new AdministrativeDocument("UBND HUYỆN ĐỨC PHỔ", "UBND xã Phổ Châu", "15/TB-UBND", "Phổ Châu", new DateOnly(2026, 12, 2),
            "THÔNG BÁO", "Kết luận của Chủ tịch UBND xã", ["Nội dung kết luận thứ nhất.", "Nội dung kết luận thứ hai."],
            DocumentService.Recipients, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Thái");
        using var s = new MemoryStream();
        PdfWriter.Write(s, doc);
        return s.ToArray();
    }

    private static string Save(string folder, string name, byte[] pdf)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, pdf);
        return PopplerSignatures.Keep(path);
    }

    [Fact]
    public async Task Two_signatures_one_after_the_other_both_pass_pdfsig_and_the_images_are_drawn()
    {
        PopplerSignatures.Require();
        var folder = Directory.CreateTempSubdirectory("phochau-sign").FullName;
        var original = Notice();
        using var chairman = TestSigning.Certificate("Le Van Thai");
        using var seal = TestSigning.Certificate("UBND xa Pho Chau");
        var now = DateTimeOffset.Now;
        var box = new PdfBox(0, 320, 300, 200, 80);
        var first = await PdfSigner.SignAsync(original, new PdfSignatureRequest(chairman, "Lê Văn Thái", "Ký ban hành", "Phổ Châu", now, box,
            [new PlacedImage(PngImage.Decode(TestSigning.SignaturePng()), 40, 10, 120, 60)]));
        var second = await PdfSigner.SignAsync(first.Pdf, new PdfSignatureRequest(seal, "UBND xã Phổ Châu", "Đóng dấu", "Phổ Châu", now, box,
            [new PlacedImage(PngImage.Decode(TestSigning.SealPng()), 0, 0, 80, 80)]));

        Assert.True(second.Pdf.AsSpan(0, first.Pdf.Length).SequenceEqual(first.Pdf)); // the first signature's bytes untouched
        var path = Save(folder, "signed-twice.pdf", second.Pdf);
        var report = await PopplerSignatures.ReportAsync(path);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(report, "Signature is Valid").Count);
        Assert.Contains("Total document signed", report);
        Assert.Contains("ETSI.CAdES.detached", report);
        var checks = PdfSignatureCheck.Check(second.Pdf);
        Assert.Equal(2, checks.Count);
        Assert.False(checks[0].CoversWholeFile);
        Assert.True(checks[1].Sound);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", await Poppler.TextAsync(path));

        // The images as a reader draws them: red of the seal and blue of the signature inside the box.
        var page = await PopplerSignatures.PageAsync(path, 1, dpi: 72);
        Assert.True(PopplerSignatures.Count(page, 320, 300, 80, 80, PopplerSignatures.Red) > 0, "no red seal in the box");
        Assert.True(PopplerSignatures.Count(page, 360, 310, 120, 60, PopplerSignatures.Blue) > 0, "no blue signature in the box");
    }

    [Fact]
    public async Task A_byte_changed_after_signing_is_reported_by_pdfsig_and_by_the_check()
    {
        PopplerSignatures.Require();
        var folder = Directory.CreateTempSubdirectory("phochau-sign").FullName;
        using var cert = TestSigning.Certificate("UBND xa Pho Chau");
        var signed = (await PdfSigner.SignAsync(Notice(), new PdfSignatureRequest(cert, "UBND xã Phổ Châu", "Đóng dấu", "Phổ Châu", DateTimeOffset.Now))).Pdf;
        var tampered = (byte[])signed.Clone();
        var at = System.Text.Encoding.Latin1.GetString(tampered).IndexOf("/Creator", StringComparison.Ordinal);
        tampered[at + 3] = (byte)'X';

        Assert.Contains("Signature is Valid", await PopplerSignatures.ReportAsync(Save(folder, "ok.pdf", signed)));
        Assert.DoesNotContain("Signature is Valid", await PopplerSignatures.ReportAsync(Save(folder, "tampered.pdf", tampered)));
        Assert.False(PdfSignatureCheck.Check(tampered).Single().Valid);
        Assert.True(PdfSignatureCheck.Check(signed).Single().Sound);
    }

    [Fact]
    public async Task A_time_stamp_server_that_answers_stamps_the_signature_and_pdfsig_still_finds_it_valid()
    {
        PopplerSignatures.Require();
        await using var tsa = await TestTimestampServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("phochau-sign").FullName;
        using var cert = TestSigning.Certificate("UBND xa Pho Chau");
        var signed = await PdfSigner.SignAsync(Notice(), new PdfSignatureRequest(cert, "UBND xã Phổ Châu", "Đóng dấu", "Phổ Châu", DateTimeOffset.Now, TimestampServer: tsa.Url));

        Assert.True(signed.TimeStamped, signed.TimestampProblem);
        Assert.Null(signed.TimestampProblem);
        Assert.Equal(1, tsa.Requests);
        var check = PdfSignatureCheck.Check(signed.Pdf).Single();
        Assert.True(check.TimeStamped);
        Assert.True(check.Sound);
        Assert.Contains("Signature is Valid", await PopplerSignatures.ReportAsync(Save(folder, "stamped.pdf", signed.Pdf)));
    }
}
