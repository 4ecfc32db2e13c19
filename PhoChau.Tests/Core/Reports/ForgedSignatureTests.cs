using System.Globalization;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography.Pkcs;
using System.Text;
using PhoChau.Core.Common;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>
/// Issue 32.6: a token's signature is accepted only if the PDF really carries it (a signature field points to it, its
/// range covers the whole file but itself, the CMS verifies) and its certificate chains, valid on the signing day, to
/// the commune's trust list; the public check says which in words a citizen understands.
/// </summary>
public sealed class ForgedSignatureTests
{
    private const string Base = "http://192.168.1.10:5000";

    private static async Task<(CoreTestHost Host, IssuingService Issuing, IssuedVersion Version, PluginOffer Offer, byte[] Offered)> OfferAsync()
    {
        var host = await CoreTestHost.StartAsync();
        var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(host);
        var issuing = host.Get<IssuingService>();
        var v = await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);
        var offer = await host.Get<SigningPluginService>().OfferToPluginAsync(CoreTestHost.Chairman, v.Id);
        var offered = (await host.Get<SigningPluginService>().PluginFileAsync(offer.Ticket))!.Value.Pdf;
        return (host, issuing, v, offer, offered);
    }

    [Fact]
    public async Task A_signature_by_a_self_made_certificate_in_the_chairmans_name_is_refused_and_the_version_stays_unsigned()
    {
        var (host, issuing, v, offer, offered) = await OfferAsync();
        await using var _ = host;
        var now = host.Clock.GetUtcNow();
        using var forged = TestSigning.SelfSigned("CN=Lê Văn Thái, O=Giả mạo, C=VN", now.AddDays(-30), now.AddDays(365));
        var signed = await PdfSigner.SignAsync(offered, new PdfSignatureRequest(forged, "Lê Văn Thái", "Ký ban hành", "Phổ Châu", now));

        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, signed.Pdf));

        Assert.Contains("không thuộc danh sách tin cậy", ex.Message);
        var view = await host.Get<DocumentCheckService>().VerifyAsync(v.Code);
        Assert.Equal(IssuedState.AwaitingSignature, view!.State);
        Assert.Empty(view.Signatures);
        // The public check of the forged file: intact, but not a certificate the commune trusts.
        var check = Assert.Single((await host.Get<DocumentCheckService>().CheckFileAsync(v.Code, signed.Pdf))!.Signatures);
        Assert.True(check.Sound);
        Assert.False(check.Trusted);

        // The chairman's real token (issued under the trust list's root) is accepted, and the public check names its CA.
        using var token = TestSigning.Certificate("Le Van Thai", now.AddDays(-30), now.AddDays(365));
        var real = await PdfSigner.SignAsync(offered, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký ban hành", "Phổ Châu", now));
        await host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, real.Pdf);
        var signedView = await host.Get<DocumentCheckService>().VerifyAsync(v.Code);
        Assert.Equal(IssuedState.Signed, signedView!.State);
        var s = Assert.Single(signedView.Signatures);
        Assert.True(s.Trusted);
        Assert.Equal(TestSigning.RootName, s.Issuer);
    }

    /// <summary>Issue 32.9: issuing, signing with the token and sealing each leave an audit entry naming the person.</summary>
    [Fact]
    public async Task Issuing_signing_and_sealing_are_in_the_audit_trail_with_the_person()
    {
        var folder = Directory.CreateTempSubdirectory("phochau-seal").FullName;
        using var sealCert = TestSigning.Certificate("UBND xa Pho Chau", DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(2));
        var pfx = TestSigning.PfxFile(folder, sealCert, "mk");
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<SigningOptions>(o => { o.SealPfxPath = pfx; o.SealPfxPassword = "mk"; }));
        var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(host);
        var issuing = host.Get<IssuingService>();
        await host.Get<SignatureArtService>().SaveArtAsync(CoreTestHost.Admin, SignatureArtKind.Seal, TestSigning.SealPng(), 35);
        var v = await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), Base);
        var offer = await host.Get<SigningPluginService>().OfferToPluginAsync(CoreTestHost.Chairman, v.Id);
        var offered = (await host.Get<SigningPluginService>().PluginFileAsync(offer.Ticket))!.Value.Pdf;
        var now = host.Clock.GetUtcNow();
        using var token = TestSigning.Certificate("Le Van Thai", now.AddDays(-30), now.AddDays(365));
        await host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, (await PdfSigner.SignAsync(offered, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký", "Phổ Châu", now))).Pdf);
        await issuing.SealAsync(CoreTestHost.Chairman, v.Id);

        await using var db = host.NewDb();
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(IssuedDocument) && a.EntityId == v.Id.ToString())
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(trail, a => a.UserName == CoreTestHost.Secretary.UserName && a.Changes.Any(c => c.Field == "NumberAndSymbol" && c.New == "12/TB-UBND"));
        Assert.Contains(trail, a => a.UserName == CoreTestHost.Chairman.UserName && a.Changes.Any(c => c.Field == "PluginTicketExpiresUtc"));
        Assert.Contains(trail, a => a.UserName == "Le Van Thai" && a.Changes.Any(c => c.Field == "SignedBy" && c.New!.Contains(TestSigning.RootName)));
        Assert.Contains(trail, a => a.UserName == CoreTestHost.Chairman.UserName && a.Changes.Any(c => c.Field == "SealedBy" && c.New == CoreTestHost.Chairman.UserName));
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(SignatureArt)).ToListAsync(),
            a => a.UserName == CoreTestHost.Admin.UserName);
        Assert.Equal("Người đóng dấu số", PhoChau.Core.Resources.CoreText.Format(new System.Globalization.CultureInfo("vi-VN"), "Audit.Field.SealedBy"));
    }

    [Fact]
    public async Task A_signature_dictionary_no_field_points_to_is_no_signature_at_all()
    {
        var (host, issuing, v, offer, offered) = await OfferAsync();
        await using var _ = host;
        var now = host.Clock.GetUtcNow();
        // Even with a certificate the trust list accepts: a CMS over the file, in a dictionary of its own appended to it,
        // which no signature field names (pdfsig finds no signature in such a file).
        using var token = TestSigning.Certificate("Le Van Thai", now.AddDays(-30), now.AddDays(365));
        var loose = LooseSignature(offered, token, now);
        Assert.True(new SignedCmsCheck(loose).Verifies, "the loose CMS itself is sound");

        Assert.Empty(PdfSignatureCheck.Check(loose, [TestSigning.Root]));
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<SigningPluginService>().AcceptFromPluginAsync(offer.Ticket, loose));
        Assert.Contains("không có chữ ký số mới", ex.Message);
        Assert.Equal(IssuedState.AwaitingSignature, (await host.Get<DocumentCheckService>().VerifyAsync(v.Code))!.State);
    }

    /// <summary>The offered file with an appended signature dictionary (a valid CMS over all of it but its /Contents) and no field.</summary>
    private static byte[] LooseSignature(byte[] offered, System.Security.Cryptography.X509Certificates.X509Certificate2 cert, DateTimeOffset at)
    {
        const int room = 16384;
        var placeholder = "[0 0000000000 0000000000 0000000000]";
        var tail = $"\n9999 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached/ByteRange{placeholder}/Contents<{new string('0', room)}>" +
                   $"/M(D:{at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z)>>\nendobj\n%%EOF\n";
        var file = offered.Concat(Encoding.Latin1.GetBytes(tail)).ToArray();
        var text = Encoding.Latin1.GetString(file);
        var b = text.LastIndexOf("/Contents<", StringComparison.Ordinal) + "/Contents".Length;
        var c = b + room + 2;
        var range = $"[0 {b} {c} {file.Length - c}]".PadRight(placeholder.Length);
        Encoding.Latin1.GetBytes(range).CopyTo(file, text.LastIndexOf(placeholder, StringComparison.Ordinal));
        var content = file[..b].Concat(file[c..]).ToArray();
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(new CmsSigner(cert));
        var hex = Convert.ToHexString(cms.Encode());
        Encoding.ASCII.GetBytes(hex).CopyTo(file, b + 1);
        return file;
    }

    private sealed class SignedCmsCheck(byte[] file)
    {
        public bool Verifies
        {
            get
            {
                var text = Encoding.Latin1.GetString(file);
                var b = text.LastIndexOf("/Contents<", StringComparison.Ordinal) + "/Contents".Length;
                var c = text.IndexOf('>', b) + 1;
                var padded = Convert.FromHexString(text[(b + 1)..(c - 1)]);
                System.Formats.Asn1.AsnDecoder.ReadEncodedValue(padded, System.Formats.Asn1.AsnEncodingRules.BER, out _, out _, out var length);
                var cms = new SignedCms(new ContentInfo(file[..b].Concat(file[c..]).ToArray()), detached: true);
                try
                {
                    cms.Decode(padded[..length]);
                    cms.CheckSignature(verifySignatureOnly: true);
                    return true;
                }
                catch (System.Security.Cryptography.CryptographicException) { return false; }
            }
        }
    }
}
