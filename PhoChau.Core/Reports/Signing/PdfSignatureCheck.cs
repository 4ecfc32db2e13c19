using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace PhoChau.Core.Reports.Signing;

/// <summary>One signature found in a PDF, as checked here.</summary>
public sealed record PdfSignatureInfo(
    string Signer, DateTimeOffset? SigningTime, bool Valid, bool CertificateInForce, bool CoversWholeFile, long SignedLength,
    bool TimeStamped, string? Problem)
{
    /// <summary>Valid, made with a certificate in force at its time, and nothing added after it.</summary>
    public bool Sound => Valid && CertificateInForce && CoversWholeFile;
}

/// <summary>
/// Reads the signatures of a PDF and checks each: the bytes its range covers against the CMS signature (SHA-256 or
/// what it names), the certificate's validity at the signing time (the time-stamp's when there is one), and whether
/// anything was added to the file after it. Independent of how the file was signed (the token's plugin or this portal).
/// </summary>
public static partial class PdfSignatureCheck
{
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/M\s*\(D:(\d{14})(Z|[+-]\d{2}'?\d{2}'?)?")]
    private static partial Regex SigningDate();

    public static IReadOnlyList<PdfSignatureInfo> Check(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var found = new List<PdfSignatureInfo>();
        foreach (Match m in ByteRange().Matches(text))
        {
            long Group(int i) => long.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
            long a = Group(1), b = Group(2), c = Group(3), d = Group(4);
            if (a != 0 || b <= 0 || c <= b + 1 || c + d > pdf.Length || pdf[b] != '<' || pdf[c - 1] != '>') continue; // not a signature's range (a placeholder)
            var objectStart = text.LastIndexOf(" obj", m.Index, StringComparison.Ordinal);
            var objectEnd = text.IndexOf("endobj", (int)c, StringComparison.Ordinal);
            var dict = text[Math.Max(0, objectStart)..(objectEnd < 0 ? text.Length : objectEnd)];
            found.Add(CheckOne(pdf, b, c, d, dict));
        }
        return found;
    }

    private static PdfSignatureInfo CheckOne(byte[] pdf, long b, long c, long d, string dict)
    {
        var claimed = ClaimedTime(dict);
        var covers = c + d == pdf.Length;
        try
        {
            var der = Der(Convert.FromHexString(Encoding.ASCII.GetString(pdf, (int)b + 1, (int)(c - b - 2))));
            var data = new byte[b + d];
            Array.Copy(pdf, 0, data, 0, b);
            Array.Copy(pdf, c, data, b, d);
            var cms = new SignedCms(new ContentInfo(data), detached: true);
            cms.Decode(der);
            var si = cms.SignerInfos[0];
            var cert = si.Certificate;
            var name = cert?.GetNameInfo(X509NameType.SimpleName, false) ?? "?";
            DateTimeOffset? stampedAt = null;
            foreach (var attr in si.UnsignedAttributes)
                if (attr.Oid.Value == "1.2.840.113549.1.9.16.2.14" && Rfc3161TimestampToken.TryDecode(attr.Values[0].RawData, out var token, out _)
                    && token.VerifySignatureForSignerInfo(si, out _))
                    stampedAt = token.TokenInfo.Timestamp;
            var at = stampedAt ?? claimed ?? DateTimeOffset.UtcNow;
            try
            {
                cms.CheckSignature(verifySignatureOnly: true);
            }
            catch (CryptographicException e)
            {
                return new PdfSignatureInfo(name, at, false, false, covers, c + d, stampedAt is not null, CoreText.Get("Signing.SignatureBroken") + " (" + e.Message + ")");
            }
            var inForce = cert is not null && at >= cert.NotBefore && at <= cert.NotAfter;
            return new PdfSignatureInfo(name, at, true, inForce, covers, c + d, stampedAt is not null,
                inForce ? covers ? null : CoreText.Get("Signing.ChangedAfter") : CoreText.Get("Signing.CertificateExpired"));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or AsnContentException or ArgumentException)
        {
            return new PdfSignatureInfo("?", claimed, false, false, covers, c + d, false, CoreText.Get("Signing.SignatureBroken"));
        }
    }

    /// <summary>The CMS without the zeros that pad it to the reserved room.</summary>
    private static byte[] Der(byte[] padded)
    {
        AsnDecoder.ReadEncodedValue(padded, AsnEncodingRules.BER, out _, out _, out var length);
        return padded[..length];
    }

    private static DateTimeOffset? ClaimedTime(string dict)
    {
        var m = SigningDate().Match(dict);
        if (!m.Success) return null;
        var local = DateTime.ParseExact(m.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var zone = m.Groups[2].Value.Replace("'", "");
        var offset = zone is "" or "Z" ? TimeSpan.Zero
            : TimeSpan.FromMinutes((zone[0] == '-' ? -1 : 1) * (int.Parse(zone[1..3], CultureInfo.InvariantCulture) * 60 + int.Parse(zone[3..5], CultureInfo.InvariantCulture)));
        return new DateTimeOffset(local, offset);
    }

    /// <summary>
    /// A signed file returned for a document that was offered: the offered bytes unchanged at its start (a signature
    /// is added as an update) and a new sound signature over the whole of it. Null when accepted; else why not.
    /// </summary>
    public static string? RefusalOfReturned(byte[] offered, byte[] returned)
    {
        if (returned.Length <= offered.Length || !returned.AsSpan(0, offered.Length).SequenceEqual(offered))
            return CoreText.Get("Signing.NotTheDocument");
        var last = Check(returned).Where(s => s.SignedLength > offered.Length).ToList();
        if (last.Count == 0) return CoreText.Get("Signing.NoSignature");
        var s = last[^1];
        return s.Sound ? null : s.Problem ?? CoreText.Get("Signing.SignatureBroken");
    }
}
