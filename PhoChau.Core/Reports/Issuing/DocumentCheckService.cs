using PhoChau.Core.Documents.Signing;

namespace PhoChau.Core.Reports.Issuing;

/// <summary>The public check of a code printed on a document, and of a file a citizen holds, against the version issued.</summary>
public sealed class DocumentCheckService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock, SignatureTrustList trust)
{
    /// <summary>The check of a code printed on a document; null for an unknown or malformed code (never an error page).</summary>
    public async Task<VerificationView?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (Normalise(code) is not { } c) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Set<IssuedDocument>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(x => x.Code == c, ct);
        if (d is null) return null;
        var current = d.SupersededAtUtc is null ? d
            : await db.Set<IssuedDocument>().IgnoreQueryFilters().AsNoTracking()
                .Where(x => x.CommuneId == d.CommuneId && x.DialogueId == d.DialogueId && x.Kind == d.Kind && x.SupersededAtUtc == null)
                .SingleOrDefaultAsync(ct);
        var commune = await db.CommuneProfiles.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == d.CommuneId).Select(p => p.CommitteeName).SingleOrDefaultAsync(ct) ?? "";
        var intact = IssuingService.Hash(d.Pdf) == d.Sha256;
        return new VerificationView(commune, d.Kind, d.NumberAndSymbol, d.IssuedOn, d.VersionNumber, d.State, d.SupersededAtUtc is null,
            current?.Code, current?.VersionNumber, intact, PdfSignatureCheck.Check(d.Pdf, trust.Roots(), ct, clock));
    }

    /// <summary>A file a citizen holds, against the code printed on it: the very version, another version of it, or altered.</summary>
    public async Task<FileCheck?> CheckFileAsync(string? code, byte[] file, CancellationToken ct = default)
    {
        if (Normalise(code) is not { } c) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Set<IssuedDocument>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Code == c).Select(x => new { x.CommuneId, x.DialogueId, x.Kind, x.VersionNumber, x.Sha256, x.Pdf }).SingleOrDefaultAsync(ct);
        if (d is null) return null;
        var hash = IssuingService.Hash(file);
        var signatures = PdfSignatureCheck.Check(file, trust.Roots(), ct, clock);
        if (hash == d.Sha256) return new FileCheck(FileVerdict.Authentic, d.VersionNumber, signatures);
        // The same version as it was before a signature was added to it (signatures are appended).
        if (file.Length < d.Pdf.Length && d.Pdf.AsSpan(0, file.Length).SequenceEqual(file) && file.AsSpan().TrimEnd("\r\n "u8).EndsWith("%%EOF"u8))
            return new FileCheck(FileVerdict.BeforeSigning, d.VersionNumber, signatures);
        var other = await db.Set<IssuedDocument>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.CommuneId == d.CommuneId && x.DialogueId == d.DialogueId && x.Kind == d.Kind && x.Sha256 == hash)
            .Select(x => (int?)x.VersionNumber).FirstOrDefaultAsync(ct);
        return new FileCheck(other is null ? FileVerdict.Altered : FileVerdict.OtherVersion, other, signatures);
    }

    /// <summary>Codes are typed from paper: case and spaces forgiven, anything else not looked up at all.</summary>
    public static string? Normalise(string? code)
    {
        var c = (code ?? "").Replace(" ", "").Replace("-", "").ToUpperInvariant();
        return c.Length == 10 && c.All(ch => IssuingService.CodeAlphabet.Contains(ch)) ? c : null;
    }

}
