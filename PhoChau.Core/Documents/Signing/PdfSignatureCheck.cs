using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace PhoChau.Core.Documents.Signing;

/// <summary>One signature found in a PDF, as checked here.</summary>
/// <param name="Trusted">The signer's certificate chains, valid on the signing day, to a root of the trust list.</param>
/// <param name="Issuer">The root it chains to (when trusted), else the certificate's own issuer, as a person reads it.</param>
public sealed record PdfSignatureInfo(
    string Signer, DateTimeOffset? SigningTime, bool Valid, bool CertificateInForce, bool CoversWholeFile, long SignedLength,
    bool TimeStamped, string? Problem, bool Trusted = false, string? Issuer = null)
{
    /// <summary>Valid, made with a certificate in force at its time, and nothing added after it.</summary>
    public bool Sound => Valid && CertificateInForce && CoversWholeFile;
}

/// <summary>
/// Reads the signatures of a PDF and checks each: only a signature dictionary a signature field points to (/FT /Sig,
/// /V n 0 R) counts, as for any PDF reader; its byte range must leave out exactly its own /Contents; the bytes it covers
/// against the CMS signature; the certificate's validity at the signing time (the time-stamp's when there is one), its
/// chain to the trust list, and whether anything was added to the file after it. Independent of how the file was
/// signed (the token's plugin or this portal).
/// Public uploads reach it: the file is read in two passes over its bytes (no text copy of it), at most
/// <see cref="MaxSignatures"/> signatures are verified, every search is bounded, and it stops when the caller's token is
/// cancelled (the client went away), so a crafted file costs time linear in its size (verify-upload benchmark).
/// </summary>
public static partial class PdfSignatureCheck
{
    /// <summary>
    /// More than a document this portal issues carries (the token's signature, then the seal): each one verified costs a
    /// copy of the file, so a crafted upload costs at most this many (verify-upload: the peak memory).
    /// </summary>
    public const int MaxSignatures = 4;
    /// <summary>How far around a signature dictionary its object header and fields are looked for.</summary>
    private const int Window = 256 * 1024;
    /// <summary>A CMS signature with its chain and time-stamp is a few tens of KB; room reserved by readers is at most this.</summary>
    private const long MaxContentsHex = 2 * 1024 * 1024;

    [GeneratedRegex(@"/M\s*\(D:(\d{14})(Z|[+-]\d{2}'?\d{2}'?)?")]
    private static partial Regex SigningDate();

    /// <param name="clock">The time a signature with neither a time stamp nor a claimed time is checked at (the application's clock).</param>
    public static IReadOnlyList<PdfSignatureInfo> Check(byte[] pdf, X509Certificate2Collection? trusted = null, CancellationToken ct = default, TimeProvider? clock = null)
    {
        var candidates = Candidates(pdf, ct);
        if (candidates.Count == 0) return [];
        var fields = FieldTargets(pdf, candidates.Select(c => c.Object).Where(o => o > 0).ToHashSet(), ct);
        var found = new List<PdfSignatureInfo>();
        foreach (var c in candidates)
        {
            if (!fields.Contains(c.Object)) continue; // no field points to it: not a signature any reader shows
            ct.ThrowIfCancellationRequested();
            found.Add(CheckOne(pdf, c.B, c.C, c.D, c.Dictionary, trusted ?? [], clock ?? TimeProvider.System));
        }
        return found;
    }

    private sealed record Candidate(long B, long C, long D, int Object, string Dictionary);

    /// <summary>Every /ByteRange [0 b c d] whose gap is exactly a hex string: one pass, each range taken once.</summary>
    private static List<Candidate> Candidates(byte[] pdf, CancellationToken ct)
    {
        var found = new List<Candidate>();
        var seen = new HashSet<(long, long, long)>();
        var span = pdf.AsSpan();
        var at = 0;
        var steps = 0;
        while (found.Count < MaxSignatures)
        {
            var i = span[at..].IndexOf("/ByteRange"u8);
            if (i < 0) break;
            var start = at + i;
            at = start + "/ByteRange".Length;
            if (++steps % 4096 == 0) ct.ThrowIfCancellationRequested();
            if (!TryRange(span, at, out var a, out var b, out var c, out var d)) continue;
            if (a != 0 || b <= 0 || c <= b + 1 || c + d > pdf.Length || pdf[b] != '<' || pdf[c - 1] != '>' || c - b - 2 > MaxContentsHex) continue;
            if (!seen.Add((b, c, d))) continue;
            // The dictionary: from its object's header (looked for within a window before) to endobj (within one after).
            var from = (int)Math.Max(0, Math.Min(start, b) - Window);
            var header = span[from..(int)Math.Min(start, b)].LastIndexOf(" obj"u8);
            var objectNumber = header < 0 ? 0 : ObjectNumber(span, from + header);
            var endLimit = (int)Math.Min(pdf.Length, c + Window);
            var end = span[(int)c..endLimit].IndexOf("endobj"u8);
            var dictStart = header < 0 ? start : from + header;
            var dictEnd = end < 0 ? endLimit : (int)c + end;
            // The /Contents hex itself is not needed as text: only what is around it (/M, /Name).
            var dictionary = Encoding.Latin1.GetString(span[dictStart..(int)b]) + Encoding.Latin1.GetString(span[(int)c..dictEnd]);
            found.Add(new Candidate(b, c, d, objectNumber, dictionary));
        }
        return found;
    }

    /// <summary>The object numbers among <paramref name="wanted"/> that a signature field's /V points to.</summary>
    private static HashSet<int> FieldTargets(byte[] pdf, HashSet<int> wanted, CancellationToken ct)
    {
        var targets = new HashSet<int>();
        if (wanted.Count == 0) return targets;
        var span = pdf.AsSpan();
        var at = 0;
        var steps = 0;
        // A crafted file may point thousands of /V at one object with no field around them: each object's
        // surroundings are looked at a bounded number of times, so the pass stays linear.
        var looks = new Dictionary<int, int>();
        while (targets.Count < wanted.Count)
        {
            var i = span[at..].IndexOf("/V"u8);
            if (i < 0) break;
            var p = at + i + 2;
            at = p;
            if (++steps % 4096 == 0) ct.ThrowIfCancellationRequested();
            if (p >= span.Length || !IsWhite(span[p])) continue;
            var q = p;
            if (!TryInt(span, ref q, out var number) || !TryInt(span, ref q, out _)) continue;
            SkipWhite(span, ref q);
            if (q >= span.Length || span[q] != 'R' || !wanted.Contains((int)number) || targets.Contains((int)number)) continue;
            var seen = looks.GetValueOrDefault((int)number);
            if (seen >= 64) continue;
            looks[(int)number] = seen + 1;
            // The same dictionary names itself a signature field (/FT /Sig), within a short reach of the /V.
            var lo = Math.Max(0, p - 2048);
            var hi = Math.Min(span.Length, q + 2048);
            var around = span[lo..hi];
            var ft = around.IndexOf("/FT"u8);
            if (ft < 0) continue;
            var rest = around[(ft + 3)..];
            var k = 0;
            while (k < rest.Length && IsWhite(rest[k])) k++;
            if (rest[k..].StartsWith("/Sig"u8)) targets.Add((int)number);
        }
        return targets;
    }

    private static bool TryRange(ReadOnlySpan<byte> s, int at, out long a, out long b, out long c, out long d)
    {
        a = b = c = d = 0;
        var p = at;
        SkipWhite(s, ref p);
        if (p >= s.Length || s[p] != '[') return false;
        p++;
        if (!TryInt(s, ref p, out a) || !TryInt(s, ref p, out b) || !TryInt(s, ref p, out c) || !TryInt(s, ref p, out d)) return false;
        SkipWhite(s, ref p);
        return p < s.Length && s[p] == ']';
    }

    /// <summary>Whitespace, then at most 12 digits (a PDF offset); false otherwise.</summary>
    private static bool TryInt(ReadOnlySpan<byte> s, ref int p, out long value)
    {
        value = 0;
        SkipWhite(s, ref p);
        var start = p;
        while (p < s.Length && p - start < 12 && s[p] is >= (byte)'0' and <= (byte)'9') value = value * 10 + (s[p++] - '0');
        return p > start && (p >= s.Length || s[p] is < (byte)'0' or > (byte)'9');
    }

    private static void SkipWhite(ReadOnlySpan<byte> s, ref int p)
    {
        var limit = Math.Min(s.Length, p + 64);
        while (p < limit && IsWhite(s[p])) p++;
    }

    private static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;

    /// <summary>"12 0 obj": the number two words before " obj" (0 when it is not there).</summary>
    private static int ObjectNumber(ReadOnlySpan<byte> s, int objAt)
    {
        var p = objAt - 1;
        while (p >= 0 && s[p] is >= (byte)'0' and <= (byte)'9') p--; // generation
        while (p >= 0 && IsWhite(s[p])) p--;
        var end = p + 1;
        while (p >= 0 && end - p <= 10 && s[p] is >= (byte)'0' and <= (byte)'9') p--;
        return end - (p + 1) is > 0 and <= 9 && int.TryParse(s[(p + 1)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static PdfSignatureInfo CheckOne(byte[] pdf, long b, long c, long d, string dict, X509Certificate2Collection roots, TimeProvider clock)
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
            var at = stampedAt ?? claimed ?? clock.GetUtcNow();
            try
            {
                cms.CheckSignature(verifySignatureOnly: true);
            }
            catch (CryptographicException e)
            {
                return new PdfSignatureInfo(name, at, false, false, covers, c + d, stampedAt is not null, CoreText.Get("Signing.SignatureBroken") + " (" + e.Message + ")");
            }
            var inForce = cert is not null && at >= cert.NotBefore && at <= cert.NotAfter;
            var (trusted, issuer) = cert is null ? (false, null) : Chain(cert, cms.Certificates, roots, at);
            var problem = !inForce ? CoreText.Get("Signing.CertificateExpired") : !covers ? CoreText.Get("Signing.ChangedAfter") : !trusted ? CoreText.Get("Signing.Untrusted") : null;
            return new PdfSignatureInfo(name, at, true, inForce, covers, c + d, stampedAt is not null, problem, trusted, issuer);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or AsnContentException or ArgumentException or InvalidOperationException)
        {
            return new PdfSignatureInfo("?", claimed, false, false, covers, c + d, false, CoreText.Get("Signing.SignatureBroken"));
        }
    }

    /// <summary>Whether the certificate chains to one of <paramref name="roots"/> as it stood at <paramref name="at"/>; and who issued it.</summary>
    private static (bool Trusted, string? Issuer) Chain(X509Certificate2 cert, X509Certificate2Collection carried, X509Certificate2Collection roots, DateTimeOffset at)
    {
        var ownIssuer = cert.GetNameInfo(X509NameType.SimpleName, forIssuer: true);
        if (roots.Count == 0) return (false, ownIssuer);
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots);
        policy.ExtraStore.AddRange(carried);
        policy.RevocationMode = X509RevocationMode.NoCheck; // the hall has no internet: validity on the day, by the chain
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.LocalDateTime;
        policy.VerificationTimeIgnored = false;
        var ok = chain.Build(cert);
        var root = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        return ok && root is not null
            ? (true, root.GetNameInfo(X509NameType.SimpleName, forIssuer: false))
            : (false, ownIssuer);
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
    /// is added as an update) and a new sound signature over the whole of it, by a certificate of the trust list. Null
    /// when accepted; else why not.
    /// </summary>
    public static string? RefusalOfReturned(byte[] offered, byte[] returned, X509Certificate2Collection trusted, TimeProvider? clock = null)
    {
        if (returned.Length <= offered.Length || !returned.AsSpan(0, offered.Length).SequenceEqual(offered))
            return CoreText.Get("Signing.NotTheDocument");
        var last = Check(returned, trusted, clock: clock).Where(s => s.SignedLength > offered.Length).ToList();
        if (last.Count == 0) return CoreText.Get("Signing.NoSignature");
        var s = last[^1];
        return s.Sound && s.Trusted ? null : s.Problem ?? CoreText.Get("Signing.SignatureBroken");
    }
}
