using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>
/// Issue 32.5: one anonymous upload to /xac-minh pinned a core (every /ByteRange verified over a copy of the whole
/// file). Now at most a few signatures are verified whatever the file holds, and the check stops when the client goes.
/// The time it takes is measured by the verify-upload benchmark, not here.
/// </summary>
public sealed class CraftedUploadTests
{
    /// <summary>A file of <paramref name="count"/> signature dictionaries, each a real CMS with a field pointing to it.</summary>
    private static byte[] ManySignatures(int count)
    {
        using var rsa = RSA.Create(2048);
        using var cert = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var cms = new SignedCms(new ContentInfo([1, 2, 3]), detached: true);
        cms.ComputeSignature(new CmsSigner(cert));
        var hex = Convert.ToHexString(cms.Encode());
        var sb = new StringBuilder("%PDF-1.7\n");
        var slots = new List<int>();
        for (var i = 0; i < count; i++)
        {
            sb.Append($"{10 + i} 0 obj\n<</Type/Sig/ByteRange [0 ");
            slots.Add(sb.Length);
            sb.Append(new string(' ', 32)).Append($"]/Contents <{hex}>>>\nendobj\n{100000 + i} 0 obj <</FT/Sig/V {10 + i} 0 R>> endobj\n");
        }
        sb.Append("%%EOF\n");
        var text = sb.ToString();
        var bytes = Encoding.Latin1.GetBytes(text);
        foreach (var slot in slots)
        {
            var b = text.IndexOf('<', text.IndexOf("/Contents", slot, StringComparison.Ordinal));
            var c = text.IndexOf('>', b) + 1;
            Encoding.Latin1.GetBytes($"{b} {c} {bytes.Length - c}".PadRight(32)).CopyTo(bytes, slot);
        }
        return bytes;
    }

    [Fact]
    public void A_file_of_thousands_of_signatures_has_at_most_four_verified()
    {
        var file = ManySignatures(2000);

        var found = PdfSignatureCheck.Check(file);

        Assert.Equal(PdfSignatureCheck.MaxSignatures, found.Count);
        Assert.All(found, s => Assert.False(s.Valid)); // a CMS over other bytes: broken, as it is
    }

    [Fact]
    public void The_check_stops_when_the_client_has_gone()
    {
        var file = ManySignatures(50);
        using var gone = new CancellationTokenSource();
        gone.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PdfSignatureCheck.Check(file, null, gone.Token));
    }
}
