using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>Issue 22: issued versions that never change, signed by the token (a plugin's round trip) and sealed on the server.</summary>
public sealed class IssuingServiceTests
{
    private const string Base = "http://192.168.1.10:5000";

    private static async Task<(CoreTestHost Host, int DialogueId)> ArrangeAsync(string? pfx = null, string? password = null, string? timestamp = null)
    {
        var host = await CoreTestHost.StartAsync(configure: s => s.Configure<SigningOptions>(o =>
        {
            o.SealPfxPath = pfx;
            o.SealPfxPassword = password;
            o.TimestampUrl = timestamp;
        }));
        var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(host);
        return (host, d.Id);
    }

    /// <summary>Certificates valid around the test clock's day (the host's time, not the machine's).</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Cert(CoreTestHost host, string name, int daysLeft = 365) =>
        TestSigning.Certificate(name, host.Clock.GetUtcNow().AddDays(-30), host.Clock.GetUtcNow().AddDays(daysLeft));

    private static async Task UploadArtAsync(CoreTestHost host)
    {
        var issuing = host.Get<IssuingService>();
        await host.Get<SignatureArtService>().SaveArtAsync(CoreTestHost.Admin, SignatureArtKind.Seal, TestSigning.SealPng(), 35);
        await host.Get<SignatureArtService>().SaveArtAsync(CoreTestHost.Admin, SignatureArtKind.Signature, TestSigning.SignaturePng(), 40);
    }

    private static string Save(CoreTestHost host, string name, byte[] pdf)
    {
        var path = Path.Combine(host.DataRoot, name);
        File.WriteAllBytes(path, pdf);
        return PopplerSignatures.Keep(path);
    }

    [Fact]
    public async Task An_issued_version_carries_its_number_and_code_and_a_correction_is_a_new_version_the_old_code_points_to()
    {
        Poppler.Require();
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        var issuing = host.Get<IssuingService>();

        var first = await issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);
        var (pdf, _) = await issuing.DownloadAsync(CoreTestHost.Secretary, first.Id);
        var text = await Poppler.TextAsync(Save(host, "v1.pdf", pdf));
        Assert.Contains("Số: 12/TB-UBND", text);
        Assert.Contains("Mã xác minh: " + first.Code, text);
        Assert.Contains($"{Base}/xac-minh/{first.Code}", text);
        QrReader.Require(); // the QR code, read from pixels as a phone would: the same address
        Assert.Contains($"{Base}/xac-minh/{first.Code}", (await QrReader.DecodePdfAsync(Save(host, "v1-qr.pdf", pdf))).Codes);

        var second = await issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 3), Base);
        Assert.Equal(2, second.VersionNumber);
        Assert.Equal(pdf, (await issuing.DownloadAsync(CoreTestHost.Secretary, first.Id)).Pdf); // the issued bytes never change

        var old = await host.Get<DocumentCheckService>().VerifyAsync(first.Code.ToLowerInvariant());
        Assert.NotNull(old);
        Assert.False(old.Current);
        Assert.Equal(second.Code, old.CurrentCode);
        Assert.Equal(2, old.CurrentVersionNumber);
        Assert.True((await host.Get<DocumentCheckService>().VerifyAsync(second.Code))!.Current);
        var shown = await host.Get<DocumentCheckService>().CheckFileAsync(second.Code, pdf); // the first version's file, shown against the second's code
        Assert.Equal(FileVerdict.OtherVersion, shown!.Verdict);
        Assert.Equal(1, shown.VersionNumber);
        Assert.Null(await host.Get<DocumentCheckService>().VerifyAsync("ZZZZZZZZZZ"));
        Assert.Null(await host.Get<DocumentCheckService>().VerifyAsync("<script>"));
        foreach (var blank in new[] { " ", "/TB-UBND", "12/", "12" })
            await Assert.ThrowsAsync<DomainException>(() => issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, DocumentKind.Notice, blank, new DateOnly(2026, 3, 3), Base));
        await Assert.ThrowsAsync<ForbiddenException>(() => issuing.IssueAsync(CoreTestHost.Viewer, dialogueId, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 3), Base));
    }

    [Fact]
    public async Task The_plugin_s_round_trip_then_the_seal_on_the_server_give_two_signatures_that_pass_pdfsig_with_both_images_drawn()
    {
        PopplerSignatures.Require();
        var folder = Directory.CreateTempSubdirectory("phochau-seal").FullName;
        var probe = await CoreTestHost.StartAsync();
        using var sealCert = Cert(probe, "UBND xa Pho Chau");
        await probe.DisposeAsync();
        var (host, dialogueId) = await ArrangeAsync(TestSigning.PfxFile(folder, sealCert, "mật-khẩu"), "mật-khẩu");
        await using var _ = host;
        await UploadArtAsync(host);
        var issuing = host.Get<IssuingService>();
        var v = await issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);

        // The plugin's part: fetch with the ticket, sign with the chairman's token (a test certificate), send back.
        var offer = await host.Get<SigningPluginService>().OfferToPluginAsync(CoreTestHost.Chairman, v.Id);
        Assert.Equal("12/TB-UBND", offer.DocNumber);
        var offered = (await host.Get<SigningPluginService>().PluginFileAsync(offer.Ticket))!.Value.Pdf;
        using var token = Cert(host, "Le Van Thai");
        var byToken = await PdfSigner.SignAsync(offered, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký ban hành", "Phổ Châu", host.Clock.GetUtcNow()));
        var signed = await host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, byToken.Pdf);
        Assert.Equal(IssuedState.Signed, signed.State);
        Assert.Null(await host.Get<SigningPluginService>().PluginFileAsync(offer.Ticket)); // the ticket is spent

        var sealedVersion = await issuing.SealAsync(CoreTestHost.Chairman, v.Id);
        Assert.Equal(IssuedState.Sealed, sealedVersion.State);
        var (pdf, _) = await issuing.DownloadAsync(CoreTestHost.Secretary, v.Id);
        var path = Save(host, "thong-bao-ky-so.pdf", pdf);
        var report = await PopplerSignatures.ReportAsync(path);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(report, "Signature is Valid").Count);
        Assert.Contains("Total document signed", report);
        Assert.Equal("Le Van Thai; Ủy ban nhân dân xã Phổ Châu", sealedVersion.Signers); // as the certificates name them

        var view = await host.Get<DocumentCheckService>().VerifyAsync(v.Code);
        Assert.True(view!.StoredIntact);
        Assert.Equal(2, view.Signatures.Count);
        Assert.True(view.Signatures[^1].Sound);
        Assert.Equal(FileVerdict.Authentic, (await host.Get<DocumentCheckService>().CheckFileAsync(v.Code, pdf))!.Verdict);
        var tampered = (byte[])pdf.Clone();
        var at = System.Text.Encoding.Latin1.GetString(tampered).IndexOf("/Creator", StringComparison.Ordinal);
        tampered[at + 3] = (byte)'X';
        var check = await host.Get<DocumentCheckService>().CheckFileAsync(v.Code, tampered);
        Assert.Equal(FileVerdict.Altered, check!.Verdict);
        Assert.Contains(check.Signatures, s => !s.Valid);
        Assert.Equal(FileVerdict.BeforeSigning, (await host.Get<DocumentCheckService>().CheckFileAsync(v.Code, offered))!.Verdict);
    }

    [Theory]
    [InlineData(DocumentKind.Notice)]
    [InlineData(DocumentKind.Minutes)]
    [InlineData(DocumentKind.ResultsReport)]
    [InlineData(DocumentKind.Plan)]
    [InlineData(DocumentKind.Announcement)]
    public async Task The_seal_alone_draws_the_uploaded_signature_and_seal_in_the_signature_block(DocumentKind kind)
    {
        PopplerSignatures.Require();
        var folder = Directory.CreateTempSubdirectory("phochau-seal").FullName;
        var probe = await CoreTestHost.StartAsync();
        using var sealCert = Cert(probe, "UBND xa Pho Chau");
        await probe.DisposeAsync();
        var (host, dialogueId) = await ArrangeAsync(TestSigning.PfxFile(folder, sealCert, "pw"), "pw", timestamp: "http://127.0.0.1:9/tsa");
        await using var _ = host;
        await UploadArtAsync(host);
        var issuing = host.Get<IssuingService>();
        var v = await issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, kind, "13/XX-UBND", new DateOnly(2026, 3, 2), Base);

        var sealedVersion = await issuing.SealAsync(CoreTestHost.Chairman, v.Id);
        Assert.Contains("127.0.0.1", sealedVersion.SigningNote); // the time-stamp server did not answer: signed without, and said so

        var (pdf, _) = await issuing.DownloadAsync(CoreTestHost.Secretary, v.Id);
        var path = Save(host, kind == DocumentKind.Notice ? "thong-bao-dong-dau.pdf" : $"{kind}-dong-dau.pdf", pdf);
        Assert.Contains("Số: 13/XX-UBND", await Poppler.TextAsync(path));
        Assert.Contains("Signature is Valid", await PopplerSignatures.ReportAsync(path));
        await using var db = host.NewDb();
        var row = await db.IssuedDocuments.SingleAsync(d => d.Id == v.Id);
        var page = await PopplerSignatures.PageAsync(path, row.SignaturePage + 1, dpi: 72);
        int Count(Func<byte, byte, byte, bool> colour) => PopplerSignatures.Count(page, row.SignatureX, row.SignatureY, row.SignatureWidth, row.SignatureHeight, colour, margin: 40);
        Assert.True(Count(PopplerSignatures.Red) > 50, "the red seal is not drawn in the signature block");
        Assert.True(Count(PopplerSignatures.Blue) > 20, "the blue signature is not drawn in the signature block");
    }

    [Fact]
    public async Task A_wrong_password_a_certificate_without_key_an_expired_one_and_an_image_that_is_not_a_PNG_are_refused_in_Vietnamese()
    {
        var folder = Directory.CreateTempSubdirectory("phochau-seal").FullName;
        var probe = await CoreTestHost.StartAsync();
        using var good = Cert(probe, "UBND xa Pho Chau");
        using var expired = TestSigning.Certificate("Het han", probe.Clock.GetUtcNow().AddYears(-3), probe.Clock.GetUtcNow().AddDays(-1));
        await probe.DisposeAsync();
        var keyless = Path.Combine(folder, "khong-khoa.pfx");
        File.WriteAllBytes(keyless, System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(good.RawData)
            .Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw"));

        async Task<string> RefusalAsync(string pfx, string password)
        {
            var (host, dialogueId) = await ArrangeAsync(pfx, password);
            await using var _ = host;
            await UploadArtAsync(host);
            var issuing = host.Get<IssuingService>();
            var v = await issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);
            var e = await Assert.ThrowsAsync<DomainException>(() => issuing.SealAsync(CoreTestHost.Chairman, v.Id));
            Assert.Equal(IssuedState.AwaitingSignature, (await issuing.VersionsAsync(CoreTestHost.Secretary, dialogueId)).Single().State);
            return e.Message;
        }

        Assert.Contains("sai mật khẩu", await RefusalAsync(TestSigning.PfxFile(folder, good, "đúng"), "sai"));
        Assert.Contains("không có khóa bí mật", await RefusalAsync(keyless, "pw"));
        Assert.Contains("không còn hiệu lực", await RefusalAsync(TestSigning.PfxFile(folder, expired, "pw"), "pw"));
        Assert.Contains("Không tìm thấy tệp", await RefusalAsync(Path.Combine(folder, "khong-co.pfx"), "pw"));

        await using var h = await CoreTestHost.StartAsync();
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0 };
        var notPng = await Assert.ThrowsAsync<DomainException>(() => h.Get<SignatureArtService>().SaveArtAsync(CoreTestHost.Admin, SignatureArtKind.Seal, jpeg, 35));
        Assert.Contains("PNG", notPng.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => h.Get<SignatureArtService>().SaveArtAsync(CoreTestHost.Secretary, SignatureArtKind.Seal, TestSigning.SealPng(), 35));
    }

    [Fact]
    public async Task A_plugin_returning_another_document_a_broken_signature_or_an_expired_certificate_is_refused_and_the_version_kept()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        var issuing = host.Get<IssuingService>();
        var v = await issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);
        var other = await issuing.IssueAsync(CoreTestHost.Secretary, dialogueId, DocumentKind.Minutes, "3/BB-UBND", new DateOnly(2026, 3, 2), Base);
        var offer = await host.Get<SigningPluginService>().OfferToPluginAsync(CoreTestHost.Chairman, v.Id);
        var offered = (await host.Get<SigningPluginService>().PluginFileAsync(offer.Ticket))!.Value.Pdf;
        using var token = Cert(host, "Le Van Thai");
        using var old = TestSigning.Certificate("Het han", host.Clock.GetUtcNow().AddYears(-3), host.Clock.GetUtcNow().AddDays(-1));
        var now = host.Clock.GetUtcNow();

        var otherPdf = (await issuing.DownloadAsync(CoreTestHost.Secretary, other.Id)).Pdf;
        var wrong = await PdfSigner.SignAsync(otherPdf, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký", "Phổ Châu", now));
        Assert.Contains("không phải là văn bản đã gửi ký", (await Assert.ThrowsAsync<DomainException>(() => host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, wrong.Pdf))).Message);

        var broken = (await PdfSigner.SignAsync(offered, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký", "Phổ Châu", now))).Pdf;
        // A byte of the signature value itself (the end of the CMS, before the zeros that pad it).
        var text = System.Text.Encoding.Latin1.GetString(broken);
        var hexStart = text.LastIndexOf("/Contents<", StringComparison.Ordinal) + "/Contents<".Length;
        var sigAt = text.IndexOf('>', hexStart) - 1;
        while (broken[sigAt] == (byte)'0') sigAt--;
        sigAt -= 20;
        broken[sigAt] = broken[sigAt] == (byte)'A' ? (byte)'B' : (byte)'A';
        Assert.Contains("không hợp lệ", (await Assert.ThrowsAsync<DomainException>(() => host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, broken))).Message);

        var expired = await PdfSigner.SignAsync(offered, new PdfSignatureRequest(old, "Lê Văn Thái", "Ký", "Phổ Châu", now));
        Assert.Contains("không còn hiệu lực", (await Assert.ThrowsAsync<DomainException>(() => host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, expired.Pdf))).Message);

        Assert.Contains("không phải là văn bản", (await Assert.ThrowsAsync<DomainException>(() => host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, offered))).Message);
        Assert.Equal(offered, (await issuing.DownloadAsync(CoreTestHost.Secretary, v.Id)).Pdf);
        await Assert.ThrowsAsync<NotFoundException>(() => host.Get<SigningPluginService>().AcceptFromPluginAsync("0123", offered));
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await host.Get<SigningPluginService>().PluginFileAsync(offer.Ticket)); // expired ticket
    }

    [Fact]
    public async Task The_seal_s_certificate_is_taken_from_the_certificate_store_by_its_thumbprint()
    {
        PopplerSignatures.Require();
        var probe = await CoreTestHost.StartAsync();
        using var made = Cert(probe, "UBND xa Pho Chau (kho)");
        await probe.DisposeAsync();
        // CurrentUser\My: the store .NET keeps on Linux too (LocalMachine's is Windows only); the key goes in with it.
        using var cert = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
            made.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "t"), "t",
            System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.Exportable | System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.PersistKeySet);
        using var store = new System.Security.Cryptography.X509Certificates.X509Store(System.Security.Cryptography.X509Certificates.StoreName.My, System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser);
        store.Open(System.Security.Cryptography.X509Certificates.OpenFlags.ReadWrite);
        store.Add(cert);
        try
        {
            await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<SigningOptions>(o =>
            {
                o.SealThumbprint = cert.Thumbprint.ToLowerInvariant();
                o.SealStoreLocation = "CurrentUser";
            }));
            var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(host);
            await UploadArtAsync(host);
            var issuing = host.Get<IssuingService>();
            var v = await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);
            await issuing.SealAsync(CoreTestHost.Chairman, v.Id);
            var path = Save(host, "kho.pdf", (await issuing.DownloadAsync(CoreTestHost.Secretary, v.Id)).Pdf);
            var report = await PopplerSignatures.ReportAsync(path);
            Assert.Contains("Signature is Valid", report);
            Assert.Contains("UBND xa Pho Chau (kho)", report);

            await using var unknown = await CoreTestHost.StartAsync(configure: s => s.Configure<SigningOptions>(o =>
            {
                o.SealThumbprint = new string('A', 40);
                o.SealStoreLocation = "CurrentUser";
            }));
            var (d2, _) = await ConcludedSession.WithIssuedNoticeAsync(unknown);
            await UploadArtAsync(unknown);
            var other = unknown.Get<IssuingService>();
            var v2 = await other.IssueAsync(CoreTestHost.Secretary, d2.Id, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);
            Assert.Contains("Không tìm thấy chứng thư số", (await Assert.ThrowsAsync<DomainException>(() => other.SealAsync(CoreTestHost.Chairman, v2.Id))).Message);
        }
        finally
        {
            store.Remove(cert);
        }
    }
}
