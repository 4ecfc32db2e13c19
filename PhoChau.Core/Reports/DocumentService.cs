using System.Globalization;
using PhoChau.Core.Petitions;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Documents;
using PhoChau.Core.Records;

namespace PhoChau.Core.Reports;

/// <summary>Builds the minutes, the notice of conclusions and the report of results as Word documents to print and sign.</summary>
public sealed class DocumentService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock, IPublicSite site)
{
    /// <summary>The plan's recipients list (Nơi nhận).</summary>
    public static readonly IReadOnlyList<string> Recipients =
        ["BTV Đảng ủy", "TT. HĐND xã", "Chủ tịch, PCT UBND xã", "Ủy ban MTTQ VN xã", "Các tổ chức chính trị - xã hội", "Các công chức chuyên môn", "Các Trưởng thôn", "Lưu VT"];

    public static string FileName(DocumentKind kind, int dialogueId, PaperFormat format = PaperFormat.Docx) => kind switch
    {
        DocumentKind.Minutes => $"bien-ban-doi-thoai-{dialogueId}",
        DocumentKind.Notice => $"thong-bao-ket-luan-{dialogueId}",
        DocumentKind.Plan => $"ke-hoach-doi-thoai-{dialogueId}",
        DocumentKind.Announcement => $"thong-bao-to-chuc-doi-thoai-{dialogueId}",
        _ => $"bao-cao-ket-qua-doi-thoai-{dialogueId}",
    } + (format == PaperFormat.Pdf ? ".pdf" : ".docx");

    /// <summary>The document as .docx (to edit and print) or PDF (to read and keep), from the same content.</summary>
    public async Task WriteAsync(Actor actor, int dialogueId, DocumentKind kind, Stream output, CancellationToken ct = default,
        PaperFormat format = PaperFormat.Docx)
    {
        var doc = await ComposeAsync(actor, dialogueId, kind, ct);
        if (format == PaperFormat.Pdf) PdfWriter.Write(output, doc);
        else DocxWriter.Write(output, doc);
    }

    /// <summary>What the document says, whatever it is written as.</summary>
    public async Task<AdministrativeDocument> ComposeAsync(Actor actor, int dialogueId, DocumentKind kind, CancellationToken ct = default) =>
        (await ComposeWithRecordAsync(actor, dialogueId, kind, ct)).Document;

    /// <summary>The document and the session's record it was composed from (read once, for the paper's check too).</summary>
    private async Task<(AdministrativeDocument Document, SessionRecord Record)> ComposeWithRecordAsync(Actor actor, int dialogueId, DocumentKind kind, CancellationToken ct)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The minutes are one session's; the other documents add a dialogue's cluster sessions.
        var record = await SessionRecordReader.ReadAsync(db, dialogueId, ct, withClusters: kind != DocumentKind.Minutes);
        var d = record.Dialogue;
        var c = record.Commune;
        var chairTitle = d.ChairIsDelegated ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH";
        var today = VietnamTime.Today(clock);
        AdministrativeDocument doc;
        switch (kind)
        {
            case DocumentKind.Minutes:
                var minutes = await db.Minutes.AsNoTracking().Where(m => m.DialogueId == dialogueId).OrderByDescending(m => m.VersionNumber).FirstOrDefaultAsync(ct);
                var text = minutes?.Content ?? MinutesComposer.Minutes(record);
                doc = new AdministrativeDocument(c.SuperiorBody, c.CommitteeName, "      /BB-UBND", c.PlaceName, d.HeldOn(),
                    "BIÊN BẢN", "Đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính",
                    Lines(text), [], "CHỦ TRÌ", "", d.ChairName, "THƯ KÝ", d.SecretaryName) { SectionHeadings = true };
                break;
            case DocumentKind.Notice:
                var notice = await db.ConclusionNotices.AsNoTracking().SingleOrDefaultAsync(n => n.DialogueId == dialogueId, ct);
                doc = new AdministrativeDocument(c.SuperiorBody, c.CommitteeName, notice?.Number is { Length: > 0 } num ? num : "      /TB-UBND", c.PlaceName,
                    notice?.IssuedOn, "THÔNG BÁO", "Kết luận của Chủ tịch UBND xã tại buổi đối thoại với công dân, tổ chức về cải cách hành chính",
                    Lines(notice?.Content ?? MinutesComposer.Notice(record)), Recipients, "TM. ỦY BAN NHÂN DÂN", chairTitle, d.ChairName);
                break;
            case DocumentKind.Plan or DocumentKind.Announcement:
                var draft = await db.DocumentDrafts.AsNoTracking().SingleOrDefaultAsync(x => x.DialogueId == dialogueId && x.Kind == kind, ct);
                var plan = kind == DocumentKind.Plan;
                var publicBase = PublicBaseFor(kind);
                doc = new AdministrativeDocument(c.SuperiorBody, c.CommitteeName, plan ? "      /KH-UBND" : "      /TB-UBND", c.PlaceName, null,
                    plan ? "KẾ HOẠCH" : "THÔNG BÁO",
                    plan ? "Đối thoại giữa Chủ tịch Ủy ban nhân dân xã với tổ chức, công dân về cải cách hành chính"
                         : "Về việc tổ chức đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính",
                    draft is null ? Composed(record, kind, publicBase) : Lines(draft.Content), Recipients, "TM. ỦY BAN NHÂN DÂN", chairTitle, d.ChairName)
                    { NumberedHeadings = plan };
                // A dialogue held online too: the announcement carries the live page's QR code for phones.
                if (DialogueAnnouncement.LiveAddress(d, publicBase) is { } live) doc = doc with { QrCode = live, QrMillimetres = 30 };
                break;
            default:
                // The plan is cited with the number and date it was issued with (issue 33.2), else as typed on the dialogue.
                var planIssued = await db.OutgoingRegister.AsNoTracking().Where(x => x.DialogueId == dialogueId && x.Kind == DocumentKind.Plan)
                    .OrderByDescending(x => x.Id).Select(x => new { x.NumberAndSymbol, x.IssuedOn }).FirstOrDefaultAsync(ct);
                (string?, DateOnly?) planCited = planIssued is not null ? (planIssued.NumberAndSymbol, planIssued.IssuedOn) : (d.PlanNumber, d.PlanDate);
                doc = new AdministrativeDocument(c.SuperiorBody, c.CommitteeName, "      /BC-UBND", c.PlaceName, today,
                    "BÁO CÁO", "Kết quả đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính",
                    ResultsBody(record, today, planCited), Recipients, "TM. ỦY BAN NHÂN DÂN", chairTitle, d.ChairName);
                break;
        }
        return (doc, record);
    }

    /// <summary>What keeps this paper from being issued (issue 33.1): nothing for the plan and the announcement.</summary>
    public async Task<IReadOnlyList<UnfinishedLine>> UnfinishedAsync(Actor actor, int dialogueId, DocumentKind kind, CancellationToken ct = default)
    {
        if (!PaperCheck.Applies(kind)) return [];
        var (doc, record) = await ComposeWithRecordAsync(actor, dialogueId, kind, ct);
        return PaperCheck.Of(record, doc.Body);
    }

    /// <summary>The document to issue, composed once; refused, naming what is unfinished, when it is not finished.</summary>
    public async Task<AdministrativeDocument> ComposeFinishedAsync(Actor actor, int dialogueId, DocumentKind kind, CancellationToken ct = default)
    {
        var (doc, record) = await ComposeWithRecordAsync(actor, dialogueId, kind, ct);
        if (PaperCheck.Applies(kind) && PaperCheck.Of(record, doc.Body) is { Count: > 0 } unfinished) throw new UnfinishedPaperException(unfinished);
        return doc;
    }

    /// <summary>The kinds the secretary drafts here before issuing (the minutes and the notice have their own pages).</summary>
    public static bool IsDrafted(DocumentKind kind) => kind is DocumentKind.Plan or DocumentKind.Announcement;

    /// <summary>The portal's address for phones, which only the announcement prints (read once a composition).</summary>
    private string? PublicBaseFor(DocumentKind kind) => kind == DocumentKind.Announcement ? site.BaseUrl() : null;

    private static IReadOnlyList<string> Composed(SessionRecord record, DocumentKind kind, string? publicBase) =>
        kind == DocumentKind.Plan ? PlanComposer.Plan(record) : PlanComposer.Announcement(record, publicBase);

    /// <summary>The text to edit: the saved draft, or the one composed from the dialogue's data (version 0: not saved yet).</summary>
    public async Task<(string Text, int Version, bool Saved)> DraftAsync(Actor actor, int dialogueId, DocumentKind kind, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        if (!IsDrafted(kind)) throw new NotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.DocumentDrafts.AsNoTracking().SingleOrDefaultAsync(x => x.DialogueId == dialogueId && x.Kind == kind, ct);
        if (draft is not null) return (draft.Content, draft.Version, true);
        var record = await SessionRecordReader.ReadAsync(db, dialogueId, ct);
        return (string.Join('\n', Composed(record, kind, PublicBaseFor(kind))), 0, false);
    }

    /// <summary>Keeps the edited text (refused when another screen saved it since); empty text goes back to the composed one.</summary>
    public async Task SaveDraftAsync(Actor actor, int dialogueId, DocumentKind kind, string? text, int expectedVersion, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        if (!IsDrafted(kind)) throw new NotFoundException();
        if ((text?.Length ?? 0) > 100_000) throw new DomainException(CoreText.Get("Documents.DraftTooLong"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        _ = await db.Dialogues.AsNoTracking().AnyAsync(x => x.Id == dialogueId, ct) ? 0 : throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var draft = await db.DocumentDrafts.SingleOrDefaultAsync(x => x.DialogueId == dialogueId && x.Kind == kind, ct);
        if ((draft?.Version ?? 0) != expectedVersion) throw new ConcurrencyConflictException();
        if (string.IsNullOrWhiteSpace(text))
        {
            if (draft is not null) db.DocumentDrafts.Remove(draft);
        }
        else
        {
            // No saved text reads as version 0, so the first saved one is 1; a saved one's version the save moves on.
            if (draft is null) db.DocumentDrafts.Add(draft = new DocumentDraft { DialogueId = dialogueId, Kind = kind, Version = 1 });
            else db.ExpectVersion(draft, expectedVersion);
            draft.Content = text.Replace("\r\n", "\n").Trim();
            draft.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            draft.UpdatedBy = actor.UserName;
        }
        await db.SaveChangesAsync(actor, ct); // the save moves the draft's version on
    }

    private static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();

    private static IReadOnlyList<string> ResultsBody(SessionRecord r, DateOnly today, (string? Number, DateOnly? Date) planCited)
    {
        var d = r.Dialogue;
        var all = r.Petitions;
        var o = OutcomeFigures.Of(all, d.WasHeld());
        var ps = all.Where(p => p.State is not (PetitionState.Withdrawn or PetitionState.Merged)).ToList();
        var f = FollowUpFigures.Of(ps, today);
        var plan = $"Thực hiện Kế hoạch số {planCited.Number}{(planCited.Date is { } pd ? " ngày " + pd.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "")}";
        var lines = new List<string>
        {
            r.Clusters.Count == 0
                ? $"{plan}, ngày {d.HeldOn()?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…"} {r.Commune.CommitteeName} đã tổ chức đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính tại {d.Venue}. Kết quả như sau:"
                : $"{plan}, {r.Commune.CommitteeName} đã tổ chức đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính theo cụm thôn, gồm {r.Clusters.Count} buổi{(d.OpenedAtUtc is null ? "" : " và buổi kết luận ngày " + d.HeldOn()?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " tại " + d.Venue)}. Kết quả như sau:",
        };
        // Each cluster session with what it gathered; the figures below add them all.
        foreach (var cluster in r.Clusters)
            lines.Add($"- {cluster.Name} (gồm {string.Join(", ", cluster.Villages)}): ngày {(cluster.HeldOn ?? cluster.SessionDate)?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…"} tại {cluster.Venue}; {cluster.Speakers} người đăng ký phát biểu, {cluster.Petitions} kiến nghị.");
        lines.AddRange(
        [
            $"1. Tổng số kiến nghị, phản ánh tiếp nhận: {o.Total}; số người đăng ký phát biểu: {r.Speakers.Count}.",
            $"2. Giải quyết tại buổi đối thoại: {o.SettledAtSession} kiến nghị.",
            $"3. Chưa giải quyết tại buổi đối thoại, giao trả lời bằng văn bản: {o.InWriting} kiến nghị{(o.NotAssigned > 0 ? $" (trong đó {o.NotAssigned} kiến nghị chưa giao bộ phận)" : "")}; đã trả lời {o.Replied} (đúng hạn {f.RepliedOnTime}, trễ hạn {f.RepliedLate}); quá hạn chưa trả lời {f.Overdue}; đang trong hạn {f.Pending}.",
        ]);
        // A dialogue held online too: its form, the most who followed it and those heard from afar (art. 43).
        if (MinutesComposer.OnlineAudienceLine(r) is { } online)
        {
            lines.Add($"- Hình thức: {DialogueOrganisers.FormText(d)}; số người phát biểu trực tuyến: {r.HeardFromAfar}.");
            lines.Add(online);
        }
        if (o.BeforeSession > 0) lines.Add($"- Đang xử lý trước buổi đối thoại: {o.BeforeSession} kiến nghị.");
        if (o.WithdrawnOrMerged > 0) lines.Add($"- Rút hoặc gộp vào kiến nghị khác: {o.WithdrawnOrMerged} kiến nghị.");
        foreach (var (field, label) in PetitionLabels.Fields)
        {
            var n = ps.Count(p => p.Field == field);
            if (n > 0) lines.Add($"- {label}: {n} kiến nghị.");
        }
        lines.Add($"4. Kết luận của chủ trì: {(string.IsNullOrWhiteSpace(d.Conclusion) ? "…" : d.Conclusion)}");
        lines.Add("UBND xã báo cáo Thường vụ Đảng ủy, Thường trực HĐND xã biết, chỉ đạo.");
        return lines;
    }
}
