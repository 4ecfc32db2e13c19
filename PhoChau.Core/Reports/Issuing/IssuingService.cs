using System.Globalization;
using Microsoft.Extensions.Options;
using PhoChau.Core.Auditing;
using System.Security.Cryptography;
using PhoChau.Core.Documents.Signing;
using System.Security.Cryptography.X509Certificates;
using PhoChau.Core.Documents;
using PhoChau.Core.Records;

namespace PhoChau.Core.Reports.Issuing;

/// <summary>A version as the document page lists it (without its bytes).</summary>
public sealed record IssuedVersion(
    int Id, DocumentKind Kind, int VersionNumber, string Code, string NumberAndSymbol, DateOnly IssuedOn, IssuedState State,
    string? Signers, string? SigningNote, DateTime PreparedAtUtc, DateTime? SupersededAtUtc, int? SupersededByVersion, int Version);

/// <summary>What the signing plugin is given (the VGCA pattern): where to fetch the file, where to send it back, the number and date.</summary>
public sealed record PluginOffer(string Ticket, string DocNumber, DateOnly IssuedDate);

/// <summary>The public check of a code: the document, its version and whether it is current, its signatures.</summary>
public sealed record VerificationView(
    string CommuneName, DocumentKind Kind, string NumberAndSymbol, DateOnly IssuedOn, int VersionNumber, IssuedState State,
    bool Current, string? CurrentCode, int? CurrentVersionNumber, bool StoredIntact, IReadOnlyList<PdfSignatureInfo> Signatures);

/// <summary>A file shown on the public check, against the version of its code.</summary>
public enum FileVerdict { Authentic, BeforeSigning, OtherVersion, Altered }

public sealed record FileCheck(FileVerdict Verdict, int? VersionNumber, IReadOnlyList<PdfSignatureInfo> Signatures);

/// <summary>
/// Issues a dialogue's documents as fixed PDF versions (Decree 30/2020, art. 5) and seals them on the server with the
/// agency's certificate. The token's signature through the browser plugin is <see cref="SigningPluginService"/>'s, the
/// images <see cref="SignatureArtService"/>'s, the citizens' check <see cref="DocumentCheckService"/>'s (issue 34.6:
/// one service a job).
/// </summary>
public sealed class IssuingService(
    IDbContextFactory<PhoChauDbContext> dbFactory, DocumentService documents, IOptionsMonitor<SigningOptions> options,
    DataFolder data, TimeProvider clock, OutgoingRegisterService register)
{
    public const long MaxPdfBytes = 20 * 1024 * 1024;
    internal const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read aloud or typed from paper

    public async Task<IReadOnlyList<IssuedVersion>> VersionsAsync(Actor actor, int dialogueId, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.DialogueId == dialogueId)
            .OrderBy(d => d.Kind).ThenByDescending(d => d.VersionNumber)
            .Select(d => new IssuedVersion(d.Id, d.Kind, d.VersionNumber, d.Code, d.NumberAndSymbol, d.IssuedOn, d.State, d.Signers, d.SigningNote,
                d.PreparedAtUtc, d.SupersededAtUtc, d.SupersededByVersion, d.Version))
            .ToListAsync(ct);
    }

    /// <summary>
    /// A new version of the document, fixed as a PDF with its number, date and verification code (and QR code) printed;
    /// the version it corrects, if any, is marked superseded.
    /// </summary>
    public async Task<IssuedVersion> IssueAsync(Actor actor, int dialogueId, DocumentKind kind, string number, DateOnly issuedOn, string publicBase, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        number = (number ?? "").Trim();
        // "12/TB-UBND": a number before the slash and a symbol after it ("/BB-UBND" alone is the blank of a draft).
        if (number.Length > 60 || OutgoingRegisterService.Parse(number) is not { } parsed) throw new DomainException(CoreText.Get("Issuing.NumberRequired"));
        number = OutgoingRegisterService.Format(parsed.Number, parsed.Symbol); // as the register writes it: "5/TB-UBND" is 05/TB-UBND
        var composed = await documents.ComposeFinishedAsync(actor, dialogueId, kind, ct); // no paper goes out with a gap
        var code = NewCode();
        var url = (options.CurrentValue.PublicUrl is { Length: > 0 } configured ? configured : publicBase).TrimEnd('/') + "/xac-minh/" + code;
        var doc = composed with { NumberAndSymbol = number, Date = issuedOn };
        doc = doc with { Verification = new DocumentVerification(code, url) };
        using var pdf = new MemoryStream();
        var box = PdfWriter.Write(pdf, doc);
        var bytes = pdf.ToArray();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct); // the register's number and the version: both, or neither
        // The number comes from the commune's outgoing register (issue 33.2): never one another document holds.
        await register.TakeAsync(db, actor, dialogueId, kind, number, issuedOn, ct);
        var previous = await db.Set<IssuedDocument>().Where(d => d.DialogueId == dialogueId && d.Kind == kind)
            .OrderByDescending(d => d.VersionNumber).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var issued = new IssuedDocument
        {
            DialogueId = dialogueId, Kind = kind, VersionNumber = (previous?.VersionNumber ?? 0) + 1, Code = code, NumberAndSymbol = number,
            IssuedOn = issuedOn, Pdf = bytes, Sha256 = Hash(bytes), PreparedAtUtc = now,
            PreparedBy = actor.UserName, SignaturePage = box.PageIndex, SignatureX = box.X, SignatureY = box.Y,
            SignatureWidth = box.Width, SignatureHeight = box.Height,
        };
        if (previous is { SupersededAtUtc: null })
        {
            previous.SupersededAtUtc = now;
            previous.SupersededByVersion = issued.VersionNumber;
            previous.PluginTicket = null;
        }
        db.Add(issued);
        await db.SaveChangesAsync(actor, ct); // the register's new line is audited with who took the number
        // Who issued which version, number and code (the PDF's bytes are the version itself, kept as they are).
        db.AuditEntries.Add(AuditEntry.By(actor, now, nameof(IssuedDocument), issued.Id, AuditAction.Created,
            new AuditChange("Kind", null, kind.ToString()), new AuditChange("VersionNumber", null, issued.VersionNumber.ToString(CultureInfo.InvariantCulture)),
            new AuditChange("NumberAndSymbol", null, number), new AuditChange("IssuedOn", null, issuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
            new AuditChange("Code", null, code), new AuditChange("State", null, issued.State.ToString())));
        if (previous is { SupersededByVersion: not null } && previous.SupersededAtUtc == now)
            db.AuditEntries.Add(AuditEntry.By(actor, now, nameof(IssuedDocument), previous.Id, AuditAction.Updated,
                new AuditChange("SupersededByVersion", null, issued.VersionNumber.ToString(CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(actor, ct); // the register's line, audited with who took the number
        await tx.CommitAsync(ct);
        return View(issued);
    }

    public async Task<(byte[] Pdf, string FileName)> DownloadAsync(Actor actor, int id, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        return (d.Pdf, FileName(d));
    }

    public static string FileName(IssuedDocument d) =>
        Path.GetFileNameWithoutExtension(DocumentService.FileName(d.Kind, d.DialogueId, PaperFormat.Pdf)) + $"-ban-{d.VersionNumber}.pdf";

    // ---- The agency's seal, on the server ----

    public bool SealConfigured => SealCertificate.IsConfigured(options.CurrentValue);

    /// <summary>
    /// The agency's signature with the red seal over the left third of the signature (Appendix I); when the signer has
    /// not signed with a token, the signer's uploaded signature image is drawn too. Without an answer from the
    /// time-stamp server the document is signed without one, and the note says so.
    /// </summary>
    public async Task<IssuedVersion> SealAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        var o = options.CurrentValue;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Set<IssuedDocument>().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        IssuedStateMachine.Demand(d, IssuedState.Sealed); // before any work: a replaced or sealed version is refused at once
        var arts = await db.Set<SignatureArt>().AsNoTracking().ToListAsync(ct);
        var seal = arts.FirstOrDefault(a => a.Kind == SignatureArtKind.Seal) ?? throw new DomainException(CoreText.Get("Issuing.NoSealImage"));
        var hand = d.State == IssuedState.AwaitingSignature
            ? arts.FirstOrDefault(a => a.Kind == SignatureArtKind.Signature) ?? throw new DomainException(CoreText.Get("Issuing.NoSignatureImage"))
            : null;
        var now = clock.GetUtcNow();
        using var cert = SealCertificate.Load(o, data.Root, now);
        var communeName = await db.CommuneProfiles.AsNoTracking().Select(c => c.CommitteeName).FirstOrDefaultAsync(ct) ?? "";
        var (box, images) = Appearance(d, PngImage.Decode(seal.Png), seal.Millimetres, hand is null ? null : (PngImage.Decode(hand.Png), hand.Millimetres));
        Uri? tsa = Uri.TryCreate(o.TimestampUrl, UriKind.Absolute, out var u) ? u : null;
        var result = await PdfSigner.SignAsync(d.Pdf, new PdfSignatureRequest(cert, communeName, CoreText.Get("Issuing.SealReason"),
            communeName, now.ToOffset(TimeSpan.FromHours(7)), box, images, tsa), ct: ct);

        var stateBefore = d.State;
        d.Pdf = result.Pdf;
        d.Sha256 = Hash(result.Pdf);
        d.MoveTo(IssuedState.Sealed);
        d.Signers = Append(d.Signers, communeName);
        d.SignedAtUtc = now.UtcDateTime;
        d.SigningNote = result.TimestampProblem;
        d.PluginTicket = null;
        // Who applied the commune's seal (and, unsigned before, its signature image): the person, not only the commune.
        db.AuditEntries.Add(AuditEntry.By(actor, now.UtcDateTime, nameof(IssuedDocument), d.Id, AuditAction.Updated,
            new AuditChange("State", stateBefore.ToString(), d.State.ToString()), new AuditChange("SealedBy", null, actor.UserName),
            new AuditChange("SealCertificate", null, cert.GetNameInfo(X509NameType.SimpleName, false)),
            new AuditChange("Sha256", null, d.Sha256)));
        await db.SaveChangesAsync(actor, ct);
        return View(d);
    }

    /// <summary>
    /// Appendix I: the signature centred in the room between title and name; the seal at its real size, its centre on
    /// the room's middle line, covering the left third of the signature. The widget's box holds both.
    /// </summary>
    internal static (PdfBox Box, IReadOnlyList<PlacedImage> Images) Appearance(IssuedDocument d, PngImage seal, int sealMm, (PngImage Image, int Mm)? hand)
    {
        static double Pt(double mm) => mm * 72 / 25.4;
        var roomX = d.SignatureX; var roomY = d.SignatureY; var roomW = d.SignatureWidth; var roomH = d.SignatureHeight;
        var sigW = Math.Min(roomW * 0.7, Pt(hand?.Mm is > 0 and var mm ? mm : 45));
        var sigH = hand is { } h0 ? Math.Min(roomH * 0.95, sigW * h0.Image.Height / h0.Image.Width) : roomH * 0.8;
        if (hand is { } h1) sigW = sigH * h1.Image.Width / h1.Image.Height;
        var sigX = roomX + (roomW - sigW) / 2;
        var sigY = roomY + (roomH - sigH) / 2;
        var sealD = Pt(sealMm > 0 ? sealMm : 35);
        var sealX = sigX + sigW / 3 - sealD;
        var sealY = roomY + roomH / 2 - sealD / 2;
        var x0 = Math.Min(sealX, sigX); var y0 = Math.Min(sealY, sigY);
        var x1 = Math.Max(sealX + sealD, sigX + sigW); var y1 = Math.Max(sealY + sealD, sigY + sigH);
        var images = new List<PlacedImage>();
        if (hand is { } h) images.Add(new PlacedImage(h.Image, sigX - x0, sigY - y0, sigW, sigH));
        images.Add(new PlacedImage(seal, sealX - x0, sealY - y0, sealD, sealD)); // drawn last: the seal over the signature
        return (new PdfBox(d.SignaturePage, x0, y0, x1 - x0, y1 - y0), images);
    }

    private static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 10));

    internal static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    internal static string Append(string? list, string name) => string.IsNullOrEmpty(list) ? name : list + "; " + name;

    internal static IssuedVersion View(IssuedDocument d) => new(d.Id, d.Kind, d.VersionNumber, d.Code, d.NumberAndSymbol, d.IssuedOn, d.State,
        d.Signers, d.SigningNote, d.PreparedAtUtc, d.SupersededAtUtc, d.SupersededByVersion, d.Version);
}
