using Microsoft.Extensions.Options;
using PhoChau.Core.Petitions;
using PhoChau.Core.Text;
using PhoChau.Core.Citizens;
using PhoChau.Core.Messages;
using PhoChau.Core.Speakers;
using System.Globalization;

namespace PhoChau.Core.PersonalData;

/// <summary>
/// Finds one person's records and anonymises records: the shared ground of a citizen's request and of retention.
/// Anonymising keeps the matter and the figures (code, dates, field, village, states, answers) and removes who it
/// was: the name becomes <see cref="Anonymous"/>, phone, address and ID number are cleared, the citizen's scans are
/// deleted, and every earlier audit entry of those records loses the personal values it held.
/// </summary>
internal static class PersonalDataStore
{
    public const string Anonymous = "[Đã ẩn danh]";

    /// <summary>The audit fields that hold a person's data: their old and new values are blanked when the record is anonymised.</summary>
    private static readonly HashSet<string> PersonalFields =
        ["PetitionerName", "Phone", "Address", "IdCardNumber", "Email", "Name", "Comment", "FileName", "RequesterName", "Details"];

    public readonly record struct Ids(List<int> Petitions, List<int> Speakers, List<int> SpeakerRequests, List<int> Ratings);

    /// <summary>By ID number, or by name (folded: accents and case ignored) together with a phone number.</summary>
    public static async Task<(PersonRecords Records, Ids Ids)> FindAsync(PhoChauDbContext db, string name, string? phone, string? idCard, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(VietnameseText.CleanName(name));
        phone = PhoneNumber.StoredOrNull(phone);
        idCard = string.IsNullOrWhiteSpace(idCard) ? null : idCard.Trim();

        var candidates = await db.Petitions.AsNoTracking()
            .Where(p => p.AnonymisedAtUtc == null && ((idCard != null && p.IdCardNumber == idCard) || (phone != null && p.Phone == phone)))
            .OrderBy(p => p.Id).ToListAsync(ct);
        var petitions = candidates.Where(p => (idCard is not null && p.IdCardNumber == idCard) || VietnameseText.Fold(p.PetitionerName) == folded).ToList();
        var petitionIds = petitions.Select(p => p.Id).ToList();
        var scans = await db.PetitionAttachments.AsNoTracking()
            .Where(a => petitionIds.Contains(a.PetitionId) && a.Purpose == AttachmentPurpose.Petition)
            .GroupBy(a => a.PetitionId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

        var requests = phone is null ? [] : (await db.SpeakerRequests.AsNoTracking().Where(r => r.Phone == phone).OrderBy(r => r.Id).ToListAsync(ct))
            .Where(r => VietnameseText.Fold(r.Name) == folded).ToList();
        var fromRequests = requests.Where(r => r.SpeakerId != null).Select(r => r.SpeakerId!.Value).ToList();
        var linked = await db.SpeakerPetitions.AsNoTracking().Where(sp => petitionIds.Contains(sp.PetitionId)).Select(sp => sp.SpeakerId).ToListAsync(ct);
        var speakerIds = fromRequests.Concat(linked).Distinct().ToList();
        var speakers = await db.Speakers.AsNoTracking().Where(s => speakerIds.Contains(s.Id) && s.Name != Anonymous).OrderBy(s => s.Id).ToListAsync(ct);
        var ratings = await db.PetitionRatings.AsNoTracking().Where(r => petitionIds.Contains(r.PetitionId)).OrderBy(r => r.Id).ToListAsync(ct);

        var records = new PersonRecords(
            petitions.Select(p => new PersonPetition(p.Id, p.Code, p.DialogueId, p.PetitionerName, p.Phone, p.Address, p.IdCardNumber, p.ReceivedOn, p.Text,
                p.ConsentAtUtc, p.ConsentBy, scans.GetValueOrDefault(p.Id), p.Email)).ToList(),
            speakers.Select(s => new PersonSpeaker(s.Id, s.DialogueId, s.Name, s.VillageOrOrganisation, s.Topic, s.RegisteredAtUtc)).ToList(),
            requests.Select(r => new PersonSpeakerRequest(r.Id, r.DialogueId, r.Name, r.VillageOrOrganisation, r.Topic, r.Phone, r.CreatedAtUtc, r.ConsentAtUtc, r.Email)).ToList(),
            ratings.Select(r => new PersonRating(r.Id, r.PetitionId, r.Rating, r.Comment, r.CreatedAtUtc)).ToList());
        return (records, new Ids(petitionIds, speakers.Select(s => s.Id).ToList(), requests.Select(r => r.Id).ToList(), ratings.Select(r => r.Id).ToList()));
    }

    /// <summary>
    /// Anonymises the records (saved without an audit entry of their own: that would copy the personal values into
    /// the trail; the caller writes one entry that holds only counts). Returns the scan files to delete once committed.
    /// </summary>
    public static async Task<List<string>> AnonymiseAsync(PhoChauDbContext db, Ids ids, DateTime nowUtc, IOptions<AttachmentOptions> attachments, CancellationToken ct)
    {
        db.ErasingPersonalData = true; // the save audits which fields were erased, not what they held, and may delete the scans
        var people = await ForgetInPublicTextsAsync(db, ids, ct);
        foreach (var p in await db.Petitions.Where(p => ids.Petitions.Contains(p.Id)).ToListAsync(ct))
        {
            p.PetitionerName = Anonymous;
            p.Phone = p.Address = p.IdCardNumber = p.Email = null;
            p.NotifyBySms = p.NotifyByZalo = p.NotifyByEmail = false;
            p.RefreshKeys();
            p.AnonymisedAtUtc = nowUtc;
        }
        var erased = await db.Speakers.Where(s => ids.Speakers.Contains(s.Id)).ToListAsync(ct);
        foreach (var s in erased) s.Name = Anonymous;
        // The hall's screens and the public live page keep each session's queue as of its version: the sessions move on
        // (a new version) and are told once committed, so no screen shows the erased name again.
        foreach (var d in await db.Dialogues.Where(d => erased.Select(s => s.DialogueId).Contains(d.Id)).ToListAsync(ct))
        {
            d.QueueChangedAtUtc = nowUtc;
            db.Entry(d).Property(x => x.QueueChangedAtUtc).IsModified = true;
            db.Raise(new HallChanged(new HallChange(d.Id, true, [])));
        }
        foreach (var r in await db.SpeakerRequests.Where(r => ids.SpeakerRequests.Contains(r.Id)).ToListAsync(ct))
        {
            r.Name = Anonymous;
            r.Phone = r.Email = null;
            r.NotifyBySms = r.NotifyByZalo = r.NotifyByEmail = false;
        }
        foreach (var r in await db.PetitionRatings.Where(r => ids.Ratings.Contains(r.Id)).ToListAsync(ct)) r.Comment = null;
        // The messages to them: the address goes; one not sent yet is not sent.
        foreach (var m in await db.OutboxMessages.Where(m => m.PetitionId != null && ids.Petitions.Contains(m.PetitionId.Value)).ToListAsync(ct))
        {
            // A gateway's refusal often quotes the address ("550 <an@…>: no such user"): it goes with it.
            if (m.LastError is { } error) m.LastError = PublicRedaction.Redact(OutboxDelivery.Masked(error, m.Recipient), people).Text;
            m.Recipient = Anonymous;
            m.Body = "";
            m.TemplateData = null;
            if (m.State == MessageState.Waiting) m.MoveTo(MessageState.Cancelled);
        }

        // The citizen's scans (ID cards, land papers) go; the departments' answer files stay with the matter.
        var scans = await db.PetitionAttachments.Where(a => ids.Petitions.Contains(a.PetitionId) && a.Purpose == AttachmentPurpose.Petition).ToListAsync(ct);
        var scanIds = scans.Select(a => a.Id).ToList();
        db.AttachmentContents.RemoveRange(await db.AttachmentContents.Where(c => scanIds.Contains(c.AttachmentId)).ToListAsync(ct));
        db.PetitionAttachments.RemoveRange(scans);
        var files = scans.Where(a => !AttachmentService.IsInDatabase(a.StoragePath)).Select(a => Path.Combine(attachments.Value.Root, a.StoragePath)).ToList();

        await ScrubAuditAsync(db, nameof(Petition), ids.Petitions, ct);
        await ScrubAuditAsync(db, nameof(Speaker), ids.Speakers, ct);
        await ScrubAuditAsync(db, nameof(SpeakerRequest), ids.SpeakerRequests, ct);
        await ScrubAuditAsync(db, nameof(PetitionRating), ids.Ratings, ct);
        await ScrubAuditAsync(db, nameof(PetitionAttachment), scanIds, ct);
        return files;
    }

    /// <summary>
    /// What a text of their dialogues says of these people (an answer quoting a name, a notice citing a phone) is hidden
    /// before their records lose it: the public results, made from those texts, can never show it again.
    /// </summary>
    /// <returns>The people's values, as the texts were searched for them.</returns>
    private static async Task<PersonalValues> ForgetInPublicTextsAsync(PhoChauDbContext db, Ids ids, CancellationToken ct)
    {
        var people = new PersonalValues();
        var sessions = new HashSet<int>();
        foreach (var p in await db.Petitions.AsNoTracking().Where(p => ids.Petitions.Contains(p.Id))
                     .Select(p => new { p.DialogueId, p.PetitionerName, p.Phone, p.Address, p.IdCardNumber, p.Email }).ToListAsync(ct))
        {
            people.Add(p.PetitionerName, p.Phone, p.Address, p.IdCardNumber, p.Email);
            sessions.Add(p.DialogueId);
        }
        foreach (var s in await db.Speakers.AsNoTracking().Where(s => ids.Speakers.Contains(s.Id)).Select(s => new { s.DialogueId, s.Name }).ToListAsync(ct))
        {
            people.Add(s.Name);
            sessions.Add(s.DialogueId);
        }
        foreach (var r in await db.SpeakerRequests.AsNoTracking().Where(r => ids.SpeakerRequests.Contains(r.Id))
                     .Select(r => new { r.DialogueId, r.Name, r.Phone, r.Email }).ToListAsync(ct))
        {
            people.Add(r.Name, r.Phone, email: r.Email);
            sessions.Add(r.DialogueId);
        }
        await PublicResultsService.ForgetAsync(db, people, sessions, ct);
        return people;
    }

    /// <summary>Blanks the personal values earlier audit entries of these records hold; who did what, and when, stays.</summary>
    public static async Task ScrubAuditAsync(PhoChauDbContext db, string entityType, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var keys = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var entry in await db.AuditEntries.Where(e => e.EntityType == entityType && keys.Contains(e.EntityId)).ToListAsync(ct))
        {
            if (!entry.Changes.Any(c => PersonalFields.Contains(c.Field) && (c.Old ?? c.New) is not null)) continue;
            entry.Changes = entry.Changes.Select(c => PersonalFields.Contains(c.Field)
                ? c with { Old = c.Old is null ? null : Anonymous, New = c.New is null ? null : Anonymous } : c).ToList();
        }
    }

    public static void DeleteFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            try { if (File.Exists(file)) File.Delete(file); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { } // the row is gone; a stray sealed file reveals nothing
        }
    }
}
