using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Options;
using PhoChau.Core.Calendar;
using PhoChau.Core.Petitions;
using PhoChau.Core.Documents;
using PhoChau.Core.Text;

namespace PhoChau.Core.PersonalData;

/// <summary>
/// A citizen's request about their data, from registration to its answer: the deadline counted on the commune's
/// working-day calendar, every record of the person found (petitions, speakers, phone requests, ratings), handed
/// over as one workbook, corrected, or erased by anonymisation with an audit entry that holds counts only.
/// Only the roles that see personal data handle requests.
/// </summary>
public sealed class DataRequestService(
    IDbContextFactory<PhoChauDbContext> dbFactory, CalendarService calendar, IValidator<DataRequestInput> validator,
    IOptions<PersonalDataOptions> options, IOptions<AttachmentOptions> attachments, TimeProvider clock)
{
    public async Task<DataRequest> RegisterAsync(Actor actor, DataRequestInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.SeePersonalData);
        await validator.EnsureValidAsync(input, ct);
        var cal = await calendar.GetCalendarAsync(ct);
        var request = new DataRequest
        {
            Kind = input.Kind, RequesterName = VietnameseText.CleanName(input.RequesterName),
            Phone = PhoneNumber.StoredOrNull(input.Phone),
            IdCardNumber = string.IsNullOrWhiteSpace(input.IdCardNumber) ? null : input.IdCardNumber.Trim(),
            Details = string.IsNullOrWhiteSpace(input.Details) ? null : input.Details.Trim(),
            ReceivedOn = input.ReceivedOn, DueOn = cal.AddWorkingDays(input.ReceivedOn, Math.Max(1, options.Value.RequestWorkingDays)),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.UserName,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.DataRequests.Add(request);
        await db.SaveChangesAsync(actor, ct);
        return request;
    }

    /// <summary>Open requests first (the nearest deadline on top), then the handled ones, newest first.</summary>
    public async Task<IReadOnlyList<DataRequest>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(Permission.SeePersonalData);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.DataRequests.AsNoTracking().ToListAsync(ct);
        return all.Where(r => r.Status == DataRequestStatus.Open).OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Concat(all.Where(r => r.Status != DataRequestStatus.Open).OrderByDescending(r => r.HandledAtUtc).ThenByDescending(r => r.Id)).ToList();
    }

    public async Task<DataRequest> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Demand(Permission.SeePersonalData);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DataRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("DataRequests.NotFound"));
    }

    /// <summary>Every record of the person the request names (none once an erasure is done: they are anonymous then).</summary>
    public async Task<PersonRecords> FindAsync(Actor actor, int id, CancellationToken ct = default) =>
        await RecordsOfAsync(await GetAsync(actor, id, ct), ct);

    private async Task<PersonRecords> RecordsOfAsync(DataRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await PersonalDataStore.FindAsync(db, request.RequesterName, request.Phone, request.IdCardNumber, ct)).Records;
    }

    /// <summary>The person's records as one workbook to hand over: a sheet for each kind of record.</summary>
    public async Task<byte[]> ExportAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var request = await GetAsync(actor, id, ct);
        var records = await RecordsOfAsync(request, ct);
        string When(DateTime? utc) => utc is { } u ? u.Add(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";
        var tables = new List<ReportTable>
        {
            new("Kiến nghị", CoreText.Get("DataRequests.Sheet.Petitions"),
                ["Mã", "Họ tên", "Điện thoại", "Thư điện tử", "Địa chỉ", "Số định danh", "Ngày nhận", "Nội dung", "Đồng ý xử lý dữ liệu lúc", "Ghi nhận bởi", "Số tệp giấy tờ"],
                records.Petitions.Select(p => (IReadOnlyList<ReportCell>)[p.Code, p.Name, p.Phone, p.Email, p.Address, p.IdCardNumber, (DateOnly?)p.ReceivedOn, p.Text,
                    When(p.ConsentAtUtc), p.ConsentBy, p.Scans]).ToList()),
            new("Phát biểu", CoreText.Get("DataRequests.Sheet.Speakers"), ["Buổi đối thoại (số)", "Họ tên", "Thôn / tổ chức", "Nội dung", "Đăng ký lúc"],
                records.Speakers.Select(s => (IReadOnlyList<ReportCell>)[s.DialogueId, s.Name, s.VillageOrOrganisation, s.Topic, When(s.RegisteredAtUtc)]).ToList()),
            new("Đăng ký qua điện thoại", CoreText.Get("DataRequests.Sheet.Requests"), ["Buổi đối thoại (số)", "Họ tên", "Thôn / tổ chức", "Nội dung", "Điện thoại", "Thư điện tử", "Gửi lúc", "Đồng ý lúc"],
                records.SpeakerRequests.Select(r => (IReadOnlyList<ReportCell>)[r.DialogueId, r.Name, r.VillageOrOrganisation, r.Topic, r.Phone, r.Email, When(r.CreatedAtUtc), When(r.ConsentAtUtc)]).ToList()),
            new("Đánh giá", CoreText.Get("DataRequests.Sheet.Ratings"), ["Kiến nghị (số)", "Mức độ hài lòng", "Ý kiến", "Lúc"],
                records.Ratings.Select(r => (IReadOnlyList<ReportCell>)[r.PetitionId, CoreText.Get("Audit.Value.Satisfaction." + r.Rating), r.Comment, When(r.CreatedAtUtc)]).ToList()),
        };
        using var output = new MemoryStream();
        XlsxReportWriter.Write(output, CoreText.Format("DataRequests.ExportHeading", request.RequesterName, request.Id), tables);
        return output.ToArray();
    }

    /// <summary>Corrects the person's records with the values given (audited as any edit), and closes the request.</summary>
    public async Task<int> CorrectAsync(Actor actor, int id, PersonalCorrection correction, CancellationToken ct = default)
    {
        var request = await OpenRequestAsync(actor, id, DataRequestKind.Correct, ct);
        if (correction.Phone is { Length: > 0 } phone && !PhoneNumber.IsValid(phone)) throw DomainException.ForField(nameof(correction.Phone), CoreText.Get("Petitions.PhoneInvalid"));
        if (correction.IdCardNumber is { Length: > 0 } idCard && !PetitionInputValidator.IsIdCard(idCard)) throw DomainException.ForField(nameof(correction.IdCardNumber), CoreText.Get("Petitions.IdCardInvalid"));
        if (correction.Name is { } n && (string.IsNullOrWhiteSpace(n) || n.Length > 150)) throw DomainException.ForField(nameof(correction.Name), CoreText.Get("Petitions.PetitionerEmpty"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, ids) = await PersonalDataStore.FindAsync(db, request.RequesterName, request.Phone, request.IdCardNumber, ct);
        var name = correction.Name is { } nm ? VietnameseText.CleanName(nm) : null;
        var newPhone = PhoneNumber.StoredOrNull(correction.Phone);
        foreach (var p in await db.Petitions.Where(p => ids.Petitions.Contains(p.Id)).ToListAsync(ct))
        {
            if (name is not null) p.PetitionerName = name;
            if (newPhone is not null) p.Phone = newPhone;
            if (!string.IsNullOrWhiteSpace(correction.Address)) p.Address = correction.Address.Trim();
            if (!string.IsNullOrWhiteSpace(correction.IdCardNumber)) p.IdCardNumber = correction.IdCardNumber.Trim();
            p.RefreshKeys();
        }
        if (name is not null)
            foreach (var s in await db.Speakers.Where(s => ids.Speakers.Contains(s.Id)).ToListAsync(ct)) s.Name = name;
        foreach (var r in await db.SpeakerRequests.Where(r => ids.SpeakerRequests.Contains(r.Id)).ToListAsync(ct))
        {
            if (name is not null) r.Name = name;
            if (newPhone is not null) r.Phone = newPhone;
        }
        var count = ids.Petitions.Count + ids.Speakers.Count + ids.SpeakerRequests.Count;
        var row = await db.DataRequests.SingleAsync(r => r.Id == id, ct);
        Close(row, actor, CoreText.Format("DataRequests.Outcome.Corrected", ids.Petitions.Count, ids.Speakers.Count, ids.SpeakerRequests.Count));
        // The request names the person by what they are now called, so a later request finds them.
        if (name is not null) row.RequesterName = name;
        if (newPhone is not null) row.Phone = newPhone;
        if (!string.IsNullOrWhiteSpace(correction.IdCardNumber)) row.IdCardNumber = correction.IdCardNumber.Trim();
        await db.SaveChangesAsync(actor, ct);
        return count;
    }

    /// <summary>
    /// Erases the person's data: their records anonymised, their scans deleted, the personal values gone from the audit
    /// trail and from the request itself; one audit entry says what was done, in counts.
    /// </summary>
    public async Task<int> EraseAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var request = await OpenRequestAsync(actor, id, DataRequestKind.Erase, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        List<string> files;
        int count;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (_, ids) = await PersonalDataStore.FindAsync(db, request.RequesterName, request.Phone, request.IdCardNumber, ct);
            files = await PersonalDataStore.AnonymiseAsync(db, ids, now, attachments, ct);
            count = ids.Petitions.Count + ids.Speakers.Count + ids.SpeakerRequests.Count + ids.Ratings.Count;
            var row = await db.DataRequests.SingleAsync(r => r.Id == id, ct);
            var outcome = CoreText.Format("DataRequests.Outcome.Erased", ids.Petitions.Count, ids.Speakers.Count, ids.SpeakerRequests.Count, ids.Ratings.Count, files.Count);
            Close(row, actor, outcome);
            row.RequesterName = PersonalDataStore.Anonymous;
            row.Phone = row.IdCardNumber = row.Details = null;
            await PersonalDataStore.ScrubAuditAsync(db, nameof(DataRequest), [id], ct);
            // Audited in the erasing mode AnonymiseAsync set: the request's state and outcome, never the erased values.
            await db.SaveChangesAsync(actor, ct);
            await tx.CommitAsync(ct);
        }
        PersonalDataStore.DeleteFiles(files);
        return count;
    }

    /// <summary>Closes a request to see the data once its copy was handed over (or any request answered otherwise).</summary>
    public async Task CompleteAsync(Actor actor, int id, string? note, CancellationToken ct = default)
    {
        var request = await GetAsync(actor, id, ct);
        if (request.Status != DataRequestStatus.Open) throw new DomainException(CoreText.Get("DataRequests.AlreadyDone"));
        if (request.Kind == DataRequestKind.Erase) throw new DomainException(CoreText.Get("DataRequests.EraseFirst"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var records = (await PersonalDataStore.FindAsync(db, request.RequesterName, request.Phone, request.IdCardNumber, ct)).Records;
        var row = await db.DataRequests.SingleAsync(r => r.Id == id, ct);
        Close(row, actor, CoreText.Format("DataRequests.Outcome.Handed", records.Count) + (string.IsNullOrWhiteSpace(note) ? "" : " — " + note.Trim()));
        await db.SaveChangesAsync(actor, ct);
    }

    private async Task<DataRequest> OpenRequestAsync(Actor actor, int id, DataRequestKind kind, CancellationToken ct)
    {
        var request = await GetAsync(actor, id, ct);
        if (request.Status != DataRequestStatus.Open) throw new DomainException(CoreText.Get("DataRequests.AlreadyDone"));
        if (request.Kind != kind) throw new DomainException(CoreText.Get("DataRequests.WrongKind"));
        return request;
    }

    private void Close(DataRequest row, Actor actor, string outcome) => row.Close(actor.UserName, clock.GetUtcNow().UtcDateTime, outcome);
}
