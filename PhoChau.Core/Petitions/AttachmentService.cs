using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PhoChau.Core.Auditing;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Stores a petition's scans and photos, sealed (<see cref="AttachmentCipher"/>), with the SHA-256 of what was
/// handed in: a file is written under a new name, then recorded; a refused or failed upload leaves nothing behind.
/// Every opening is written to the audit trail (who opened which file of which petition, and when).
/// </summary>
public sealed class AttachmentService(IDbContextFactory<PhoChauDbContext> dbFactory, IOptions<AttachmentOptions> options, TimeProvider clock, AttachmentCipher cipher)
{
    public async Task<PetitionAttachment> AddAsync(Actor actor, int petitionId, AttachmentPurpose purpose, string fileName, Stream content, CancellationToken ct = default)
    {
        var opts = options.Value;
        var ext = Path.GetExtension(fileName);
        if (!AttachmentOptions.AllowedTypes.TryGetValue(ext, out var contentType))
            throw new DomainException(CoreText.Format("Attachments.TypeRefused", ext, string.Join(", ", AttachmentOptions.AllowedTypes.Keys.Where(k => k != ".jpeg"))));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var petition = await db.Petitions.FindAsync([petitionId], ct) ?? throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        if (purpose == AttachmentPurpose.Petition) actor.Demand(Permission.ManageWorkflow);
        else { actor.Demand(Permission.AnswerPetitions); actor.DemandDepartment(petition.LeadDepartmentId); }

        var inDatabase = opts.Store == AttachmentStore.Database;
        var relative = Path.Combine(petition.DialogueId.ToString(), $"{petitionId}-{Guid.NewGuid():N}{ext.ToLowerInvariant()}");
        if (inDatabase) relative = DatabasePrefix + relative;
        var path = inDatabase ? "" : Path.Combine(opts.Root, relative);
        if (!inDatabase) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var kept = new MemoryStream();
        long size;
        string hash;
        try
        {
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > opts.MaxBytes)
                        throw new DomainException(CoreText.Format("Attachments.TooLarge", opts.MaxBytes / 1024 / 1024));
                    sha.AppendData(buffer, 0, read);
                    await kept.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (size == 0) throw new DomainException(CoreText.Get("Attachments.Empty"));
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            // Only sealed bytes reach the disk or the database.
            var sealedBytes = cipher.Seal(kept.ToArray());
            if (!inDatabase)
            {
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                await file.WriteAsync(sealedBytes, ct);
            }
            var row = new PetitionAttachment
            {
                PetitionId = petitionId, Purpose = purpose, FileName = Path.GetFileName(fileName), ContentType = contentType,
                SizeBytes = size, Sha256 = hash, StoragePath = relative, UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedBy = actor.UserName,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.PetitionAttachments.Add(row);
            await db.SaveChangesAsync(actor, ct);
            if (inDatabase)
            {
                db.AttachmentContents.Add(new AttachmentContent { AttachmentId = row.Id, Bytes = sealedBytes });
                await db.SaveChangesAsync(actor, ct);
            }
            await tx.CommitAsync(ct);
            return row;
        }
        catch
        {
            if (!inDatabase && File.Exists(path)) File.Delete(path);
            throw;
        }
    }

    /// <summary>How a row kept in the database names its file (a folder path never starts so).</summary>
    public const string DatabasePrefix = "db:";

    public static bool IsInDatabase(string storagePath) => storagePath.StartsWith(DatabasePrefix, StringComparison.Ordinal);

    /// <summary>Opens a stored file for download, after the same visibility check as the petition.</summary>
    public async Task<(PetitionAttachment Info, Stream Content)> OpenAsync(Actor actor, int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.PetitionAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new NotFoundException(CoreText.Get("Attachments.NotFound"));
        var petition = await db.Petitions.AsNoTracking().SingleAsync(p => p.Id == row.PetitionId, ct);
        if (actor.IsIn(Roles.DepartmentOfficer) && !actor.Allows(Permission.ManageWorkflow)) actor.DemandDepartment(petition.LeadDepartmentId);
        if (!CanOpen(actor, petition, row)) throw new ForbiddenException(CoreText.Get("Attachments.PersonalOnly"));
        Stream content;
        if (IsInDatabase(row.StoragePath))
        {
            var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == row.Id).Select(c => c.Bytes).SingleAsync(ct);
            content = new MemoryStream(cipher.Unseal(bytes), writable: false);
        }
        else content = await cipher.OpenFileAsync(Path.Combine(options.Value.Root, row.StoragePath), ct);
        // Who looked at a citizen's scan is part of the record the law asks for: the petition and the file, no content.
        db.AuditEntries.Add(AuditEntry.By(actor, clock.GetUtcNow().UtcDateTime, nameof(PetitionAttachment), row.Id, AuditAction.Opened,
            new AuditChange(nameof(PetitionAttachment.PetitionId), null, petition.Code),
            new AuditChange(nameof(PetitionAttachment.Purpose), null, row.Purpose.ToString())));
        await db.SaveChangesAsync(ct);
        return (row, content);
    }

    /// <summary>
    /// Personal files follow personal data: the citizen's scans (ID cards, land papers) only for the roles that see
    /// phone, address and ID numbers; a department's own answer and reply files also for that department's officers.
    /// </summary>
    public static bool CanOpen(Actor actor, Petition petition, PetitionAttachment file) =>
        actor.Allows(Permission.SeePersonalData)
        || (file.Purpose != AttachmentPurpose.Petition && actor.IsIn(Roles.DepartmentOfficer)
            && actor.DepartmentId is { } own && own == petition.LeadDepartmentId);
}
