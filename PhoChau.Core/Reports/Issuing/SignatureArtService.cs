using System.Globalization;
using PhoChau.Core.Auditing;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Core.Reports.Issuing;

/// <summary>The seal's and the signer's images, uploaded once by the administrator and drawn when a version is sealed.</summary>
public sealed class SignatureArtService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock)
{
    public async Task SaveArtAsync(Actor actor, SignatureArtKind kind, byte[] png, int millimetres, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        if (png.Length > 2 * 1024 * 1024) throw new DomainException(CoreText.Get("Issuing.ImageTooLarge"));
        PngImage.Decode(png); // refuses what is not a readable PNG
        if (millimetres is < 10 or > 80) throw new DomainException(CoreText.Get("Issuing.ImageMillimetres"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var art = await db.Set<SignatureArt>().SingleOrDefaultAsync(a => a.Kind == kind, ct);
        if (art is null) db.Add(art = new SignatureArt { Kind = kind });
        art.Png = png;
        art.Millimetres = millimetres;
        art.UploadedAtUtc = clock.GetUtcNow().UtcDateTime;
        art.UploadedBy = actor.UserName;
        await db.SaveChangesAsync(actor, ct);
        db.AuditEntries.Add(AuditEntry.By(actor, art.UploadedAtUtc, nameof(SignatureArt), art.Id, AuditAction.Updated,
            new AuditChange("Kind", null, kind.ToString()), new AuditChange("Millimetres", null, millimetres.ToString(CultureInfo.InvariantCulture)),
            new AuditChange("Sha256", null, IssuingService.Hash(png))));
        await db.SaveChangesAsync(actor, ct);
    }

    public async Task<IReadOnlyList<(SignatureArtKind Kind, int Millimetres, DateTime UploadedAtUtc, string UploadedBy)>> ArtsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Set<SignatureArt>().AsNoTracking().Select(a => new { a.Kind, a.Millimetres, a.UploadedAtUtc, a.UploadedBy }).ToListAsync(ct))
            .Select(a => (a.Kind, a.Millimetres, a.UploadedAtUtc, a.UploadedBy)).ToList();
    }

    public async Task<byte[]?> ArtAsync(Actor actor, SignatureArtKind kind, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SignatureArt>().AsNoTracking().Where(a => a.Kind == kind).Select(a => a.Png).SingleOrDefaultAsync(ct);
    }

}
