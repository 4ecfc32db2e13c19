using System.Formats.Asn1;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PhoChau.Core.Documents.Signing;

/// <summary>An image drawn in a signature's box: where (points, from the box's lower left corner) and how large.</summary>
public sealed record PlacedImage(PngImage Image, double X, double Y, double Width, double Height);

/// <summary>A box on a page, in PDF points from the page's lower left corner.</summary>
public sealed record PdfBox(int PageIndex, double X, double Y, double Width, double Height);

/// <summary>What a signature says and shows.</summary>
public sealed record PdfSignatureRequest(
    X509Certificate2 Certificate, string SignerName, string Reason, string Location, DateTimeOffset SigningTime,
    PdfBox? Box = null, IReadOnlyList<PlacedImage>? Images = null, Uri? TimestampServer = null);

/// <summary>The signed file, and whether a time-stamp was added (and why not, when the server did not answer).</summary>
public sealed record PdfSigningResult(byte[] Pdf, bool TimeStamped, string? TimestampProblem);

/// <summary>
/// Signs a PDF as PAdES asks (ETSI.CAdES.detached: CMS, SHA-256, the signing certificate's hash among the signed
/// attributes, the signing time in the signature dictionary, an optional RFC 3161 time-stamp on the signature), as an
/// incremental update with its visible images (Decree 30, Appendix I). Only .NET's own cryptography is used.
/// </summary>
/// <remarks>
/// Why not PDFsharp 6.2's own signing (<c>DigitalSignatureHandler</c>), which writes our PDFs already (issue 34.5):
/// the seal is applied to a document the chairman has usually signed with his token first, and PDFsharp saves a
/// document only by writing it again from the start, which moves the bytes the first signature covers and breaks it;
/// an incremental update (ISO 32000-1, 7.5.6) is what keeps both valid, and PDFsharp 6.2.4 has none. It also writes
/// only <c>adbe.pkcs7.detached</c>, not PAdES's <c>ETSI.CAdES.detached</c> with the signing certificate's hash. So the
/// few things an incremental signature needs are ours and kept to this folder: reading the last revision's
/// cross-reference and objects (<see cref="PdfRevision"/>), appending the new objects with a placeholder, and filling
/// in the CMS; nothing else in the portal writes PDF by hand. Should PDFsharp gain incremental saving with
/// CAdES, this class is the one to replace.
/// </remarks>
public static class PdfSigner
{
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private const string TimeStampToken = "1.2.840.113549.1.9.16.2.14";
    private static readonly string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static async Task<PdfSigningResult> SignAsync(byte[] pdf, PdfSignatureRequest request, HttpClient? http = null, CancellationToken ct = default)
    {
        if (!request.Certificate.HasPrivateKey) throw new DomainException(CoreText.Get("Signing.NoPrivateKey"));
        var revision = PdfRevision.Read(pdf);
        var pages = revision.Pages();
        var box = request.Box ?? new PdfBox(pages.Count - 1, 0, 0, 0, 0);
        if (box.PageIndex < 0 || box.PageIndex >= pages.Count) throw new DomainException(CoreText.Get("Signing.PdfUnsupported"));
        var page = pages[box.PageIndex];

        var next = revision.Size;
        int New() => next++;
        var objects = new List<(int, byte[])>();
        var sig = New();
        var widget = New();
        var reserve = 8192 + 2 * request.Certificate.RawData.Length + (request.TimestampServer is null ? 0 : 12288);
        var sigDict = $"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange{ByteRangePlaceholder}" +
                      $"/Contents<{new string('0', reserve * 2)}>/M{PdfDate(request.SigningTime)}/Name{PdfRevision.TextString(request.SignerName)}" +
                      $"/Reason{PdfRevision.TextString(request.Reason)}/Location{PdfRevision.TextString(request.Location)}/Prop_Build<</App<</Name/PhoChau>>>>>>";
        objects.Add((sig, Ascii(sigDict)));

        // The visible signature: a widget on the page with the images as its appearance.
        var rect = $"[{N(box.X)} {N(box.Y)} {N(box.X + box.Width)} {N(box.Y + box.Height)}]";
        var appearance = New();
        var content = new StringBuilder();
        var resources = new StringBuilder();
        for (var k = 0; k < (request.Images?.Count ?? 0); k++)
        {
            var placed = request.Images![k];
            var image = New();
            int? mask = placed.Image.Alpha is null ? null : New();
            objects.Add((image, ImageObject(placed.Image.Width, placed.Image.Height, "/DeviceRGB", placed.Image.Rgb, mask)));
            if (mask is { } m) objects.Add((m, ImageObject(placed.Image.Width, placed.Image.Height, "/DeviceGray", placed.Image.Alpha!, null)));
            resources.Append(CultureInfo.InvariantCulture, $"/I{k} {image} 0 R");
            content.Append(CultureInfo.InvariantCulture, $"q {N(placed.Width)} 0 0 {N(placed.Height)} {N(placed.X)} {N(placed.Y)} cm /I{k} Do Q\n");
        }
        var stream = Encoding.ASCII.GetBytes(content.ToString());
        objects.Add((appearance, Stream($"<</Type/XObject/Subtype/Form/BBox[0 0 {N(box.Width)} {N(box.Height)}]/Resources<</XObject<<{resources}>>>>", stream)));
        var fieldName = PdfRevision.TextString($"Chữ ký {sig}");
        objects.Add((widget, Ascii($"<</Type/Annot/Subtype/Widget/FT/Sig/T{fieldName}/V {sig} 0 R/F 132/P {page} 0 R/Rect{rect}/AP<</N {appearance} 0 R>>>>")));

        // The page lists the widget; the catalog's form lists the field and says the document is signed.
        var pageDict = revision.Dictionary(page);
        var annots = PdfRevision.Value(pageDict, "/Annots");
        if (annots is not null && annots.TrimStart().StartsWith('['))
            objects.Add((page, Ascii(PdfRevision.With(pageDict, "/Annots", annots.TrimEnd()[..^1] + $" {widget} 0 R]"))));
        else if (annots is not null) throw new DomainException(CoreText.Get("Signing.PdfUnsupported")); // an /Annots kept as its own object: no tool met so far writes it
        else objects.Add((page, Ascii(PdfRevision.With(pageDict, "/Annots", $"[{widget} 0 R]"))));

        var rootNumber = PdfRevision.ReferenceNumber(revision.Root);
        var catalog = revision.Dictionary(rootNumber);
        var form = PdfRevision.Value(catalog, "/AcroForm");
        if (form is not null && !form.TrimStart().StartsWith("<<", StringComparison.Ordinal))
        {
            var formNumber = PdfRevision.ReferenceNumber(form);
            objects.Add((formNumber, Ascii(WithField(revision.Dictionary(formNumber), widget))));
        }
        else
        {
            var formDict = form is null ? $"<</Fields[{widget} 0 R]/SigFlags 3>>" : WithField(form, widget);
            objects.Add((rootNumber, Ascii(PdfRevision.With(catalog, "/AcroForm", formDict))));
        }

        var signed = revision.Append(objects, out var offsets);
        return await FillSignatureAsync(signed, offsets[sig], reserve, request, http, ct);
    }

    private static string WithField(string form, int widget)
    {
        var fields = PdfRevision.Value(form, "/Fields");
        var list = fields is null ? $"[{widget} 0 R]" : fields.TrimEnd()[..^1] + $" {widget} 0 R]";
        return PdfRevision.With(PdfRevision.With(form, "/Fields", list), "/SigFlags", "3");
    }

    private static async Task<PdfSigningResult> FillSignatureAsync(byte[] file, long sigOffset, int reserve, PdfSignatureRequest request, HttpClient? http, CancellationToken ct)
    {
        var text = Encoding.Latin1.GetString(file, (int)sigOffset, (int)Math.Min(file.Length - sigOffset, reserve * 2 + 4096));
        var rangeAt = (int)sigOffset + text.IndexOf("/ByteRange", StringComparison.Ordinal) + "/ByteRange".Length;
        var contentsAt = (int)sigOffset + text.IndexOf("/Contents<", StringComparison.Ordinal) + "/Contents".Length;
        var contentsEnd = contentsAt + reserve * 2 + 2;
        var range = $"[0 {contentsAt} {contentsEnd} {file.Length - contentsEnd}]".PadRight(ByteRangePlaceholder.Length);
        Encoding.ASCII.GetBytes(range).CopyTo(file, rangeAt);

        var data = new byte[contentsAt + (file.Length - contentsEnd)];
        Array.Copy(file, 0, data, 0, contentsAt);
        Array.Copy(file, contentsEnd, data, contentsAt, file.Length - contentsEnd);

        var cms = new SignedCms(new ContentInfo(data), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, request.Certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.WholeChain,
        };
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, EssCertIdV2(request.Certificate)));
        try
        {
            cms.ComputeSignature(signer, silent: true);
        }
        catch (CryptographicException e)
        {
            throw new DomainException(CoreText.Get("Signing.KeyRefused"), e);
        }

        string? problem = null;
        var stamped = false;
        if (request.TimestampServer is { } tsa)
        {
            try
            {
                var token = await TimestampAsync(tsa, cms.SignerInfos[0].GetSignature(), http, ct);
                cms.SignerInfos[0].AddUnsignedAttribute(new AsnEncodedData(TimeStampToken, token));
                stamped = true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or CryptographicException or DomainException)
            {
                problem = CoreText.Format("Signing.TimestampFailed", tsa.Host, e is TaskCanceledException ? CoreText.Get("Signing.TimestampNoAnswer") : e.Message);
            }
        }
        var der = cms.Encode();
        if (der.Length > reserve) throw new DomainException(CoreText.Get("Signing.SignatureTooLarge"));
        Encoding.ASCII.GetBytes(Convert.ToHexString(der)).CopyTo(file, contentsAt + 1);
        return new PdfSigningResult(file, stamped, problem);
    }

    /// <summary>An RFC 3161 time-stamp on the signature value, from the configured server (10 s at most).</summary>
    private static async Task<byte[]> TimestampAsync(Uri server, byte[] signature, HttpClient? http, CancellationToken ct)
    {
        var nonce = RandomNumberGenerator.GetBytes(8);
        nonce[0] &= 0x7F;
        var request = Rfc3161TimestampRequest.CreateFromData(signature, HashAlgorithmName.SHA256, nonce: nonce, requestSignerCertificates: true);
        using var own = http is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(10) } : null;
        var client = http ?? own!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        using var body = new ByteArrayContent(request.Encode());
        body.Headers.ContentType = new("application/timestamp-query");
        using var response = await client.PostAsync(server, body, timeout.Token);
        response.EnsureSuccessStatusCode();
        var token = request.ProcessResponse(await response.Content.ReadAsByteArrayAsync(timeout.Token), out _);
        return token.AsSignedCms().Encode();
    }

    /// <summary>SigningCertificateV2 { certs { ESSCertIDv2 { certHash (SHA-256, the default algorithm) } } }.</summary>
    private static byte[] EssCertIdV2(X509Certificate2 certificate)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        using (w.PushSequence())
        using (w.PushSequence())
            w.WriteOctetString(SHA256.HashData(certificate.RawData));
        return w.Encode();
    }

    private static byte[] ImageObject(int width, int height, string colourSpace, byte[] samples, int? mask)
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(samples);
        var dict = $"<</Type/XObject/Subtype/Image/Width {width}/Height {height}/ColorSpace{colourSpace}/BitsPerComponent 8/Filter/FlateDecode" +
                   (mask is { } m ? $"/SMask {m} 0 R" : "");
        return Stream(dict, packed.ToArray());
    }

    /// <summary>A stream object: its dictionary (without the closing "&gt;&gt;", the length is added) and its data.</summary>
    private static byte[] Stream(string dictionaryWithoutEnd, byte[] data)
    {
        using var s = new MemoryStream();
        s.Write(Ascii(dictionaryWithoutEnd + $"/Length {data.Length}>>\nstream\n"));
        s.Write(data);
        s.Write(Ascii("\nendstream"));
        return s.ToArray();
    }

    private static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A PDF date with its offset: (D:20261202143000+07'00').</summary>
    public static string PdfDate(DateTimeOffset t)
    {
        var o = t.Offset;
        var sign = o < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"(D:{t:yyyyMMddHHmmss}{sign}{Math.Abs(o.Hours):00}'{Math.Abs(o.Minutes):00}')");
    }
}
