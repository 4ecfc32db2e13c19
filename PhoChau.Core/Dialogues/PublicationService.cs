using Microsoft.Extensions.Options;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Core.Dialogues;

/// <summary>Configuration "Law": the counts of art. 43 of the Law on Organisation of Local Government 2025 (days).</summary>
public sealed class LawOptions
{
    public int AnnounceDays { get; set; } = 7;
    public int PublishDays { get; set; } = 10;
}

/// <summary>A publication as the dialogue's page lists it (without its proof's bytes).</summary>
public sealed record PublicationView(PublicationChannel Channel, DateOnly PublishedOn, string Note, string ProofFileName, DateTime RecordedAtUtc, string RecordedBy);

/// <summary>The law's clock of a dialogue and the record of its results' publication, channel by channel.</summary>
public sealed record LawStatus(IReadOnlyList<LawWarning> Warnings, IReadOnlyList<PublicationView> Publications, bool Published, DateOnly? PublishBy);

/// <summary>
/// Records where a held dialogue's results were published (art. 43: mass media, the notice board, the village heads;
/// the website as well) with a proof, and says what the law's clock warns of.
/// </summary>
public sealed class PublicationService(IDbContextFactory<PhoChauDbContext> dbFactory, IOptionsMonitor<LawOptions> law, TimeProvider clock)
{
    /// <summary>The fields of the publication form: the day it was published and the note.</summary>
    public const string DateField = "PublishedOn", NoteField = "Note";

    public const long MaxProofBytes = 10 * 1024 * 1024;

    public async Task<LawStatus> StatusAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var publications = await db.DialoguePublications.AsNoTracking().Where(p => p.DialogueId == dialogueId)
            .Select(p => new DialoguePublication { Channel = p.Channel, PublishedOn = p.PublishedOn, Note = p.Note, ProofFileName = p.ProofFileName, RecordedAtUtc = p.RecordedAtUtc, RecordedBy = p.RecordedBy })
            .ToListAsync(ct);
        var o = law.CurrentValue;
        var held = d.WasHeld() ? d.HeldOn() : null;
        return new LawStatus(LawClock.Of(d, publications, VietnamTime.Today(clock), o.AnnounceDays, o.PublishDays),
            publications.OrderBy(p => p.Channel).Select(p => new PublicationView(p.Channel, p.PublishedOn, p.Note, p.ProofFileName, p.RecordedAtUtc, p.RecordedBy)).ToList(),
            held is not null && LawClock.IsPublished(publications, held), held?.AddDays(o.PublishDays));
    }

    /// <summary>
    /// One channel's publication with its proof (an image or a PDF, 10 MB at most), dated on or after the session and
    /// not in the future; recording a channel again replaces its record.
    /// </summary>
    /// <returns>The other channels whose proof is this very file (issue 33.6: said, not silently accepted).</returns>
    public async Task<IReadOnlyList<PublicationChannel>> RecordAsync(Actor actor, int dialogueId, PublicationChannel channel, DateOnly publishedOn, string fileName, byte[] proof, string? note, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        if (!Enum.IsDefined(channel)) throw new DomainException(CoreText.Get("Publication.Channel"));
        var type = ProofType(proof) ?? throw new DomainException(CoreText.Get("Publication.ProofType"));
        if (proof.Length > MaxProofBytes) throw new DomainException(CoreText.Get("Publication.ProofTooLarge"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        if (!d.WasHeld() || d.HeldOn() is not { } held) throw new DomainException(CoreText.Get("Publication.NotHeld"));
        if (publishedOn < held) throw DomainException.ForField(DateField, CoreText.Format("Publication.BeforeSession", held.ToString("dd/MM/yyyy")));
        if (publishedOn > VietnamTime.Today(clock)) throw DomainException.ForField(DateField, CoreText.Get("Publication.InFuture"));
        var row = await db.DialoguePublications.SingleOrDefaultAsync(p => p.DialogueId == dialogueId && p.Channel == channel, ct);
        if (row is null) db.DialoguePublications.Add(row = new DialoguePublication { DialogueId = dialogueId, Channel = channel });
        row.PublishedOn = publishedOn;
        row.Note = (note ?? "").Trim() is { Length: <= 1000 } n ? n : throw DomainException.ForField(NoteField, CoreText.Get("Publication.NoteTooLong"));
        row.ProofFileName = Path.GetFileName(fileName.Trim()) is { Length: > 0 and <= 260 } name ? name : "minh-chung";
        row.ProofContentType = type;
        row.Proof = proof;
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.RecordedBy = actor.UserName;
        // The record that completes the law's channels tells the citizens who agreed to messages, with it.
        var recorded = await db.DialoguePublications.AsNoTracking().Where(p => p.DialogueId == dialogueId && p.Channel != channel).ToListAsync(ct);
        if (d.ParentId is null && LawClock.IsPublished([.. recorded, row], held))
            db.Raise(new ResultsPublished(dialogueId, row.RecordedAtUtc)); // the save tells the citizens who agreed
        await db.SaveChangesAsync(actor, ct);
        return recorded.Where(p => p.Proof.AsSpan().SequenceEqual(proof)).Select(p => p.Channel).Order().ToList();
    }

    public async Task<(byte[] Proof, string ContentType, string FileName)> ProofAsync(Actor actor, int dialogueId, PublicationChannel channel, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.DialoguePublications.AsNoTracking().SingleOrDefaultAsync(x => x.DialogueId == dialogueId && x.Channel == channel, ct) ?? throw new NotFoundException();
        return (p.Proof, p.ProofContentType, p.ProofFileName);
    }

    /// <summary>What the bytes are (not what the name says): a PDF, a PNG or a JPEG; null for anything else.</summary>
    public static string? ProofType(ReadOnlySpan<byte> b) =>
        b.StartsWith("%PDF-"u8) ? "application/pdf"
        : PngImage.LooksLikePng(b) ? "image/png"
        : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}
