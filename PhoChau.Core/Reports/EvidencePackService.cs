using System.IO.Compression;
using PhoChau.Core.Citizens;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Documents;
using PhoChau.Core.Records;
using PhoChau.Core.Speakers;

namespace PhoChau.Core.Reports;

/// <summary>
/// The evidence the province's administrative-reform assessment asks of a dialogue, in one .zip: the plan, the
/// announcement, the minutes, the notice and the report (the current issued PDF, signed where signed; the .docx
/// where not issued), the proofs of publication, and an index sheet (.xlsx) of the petitions and their answers (no
/// personal data: the same rows as the public results) with the list of the files.
/// </summary>
public sealed class EvidencePackService(IDbContextFactory<PhoChauDbContext> dbFactory, DocumentService documents, PublicResultsService results)
{
    public static readonly DocumentKind[] Documents = [DocumentKind.Plan, DocumentKind.Announcement, DocumentKind.Minutes, DocumentKind.Notice, DocumentKind.ResultsReport];
    public const string IndexName = "00-danh-muc.xlsx";

    public static string FileName(int dialogueId) => $"ho-so-minh-chung-doi-thoai-{dialogueId}.zip";

    public async Task WriteAsync(Actor actor, int dialogueId, Stream output, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await WriteIntoAsync(actor, dialogueId, zip, "", ct);
    }

    /// <summary>One dialogue's pack into <paramref name="zip"/>, each file's name after <paramref name="folder"/> ("" or ending in "/").</summary>
    public async Task WriteIntoAsync(Actor actor, int dialogueId, ZipArchive zip, string folder, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        // A dialogue held by village clusters: the minutes of each cluster session follow its own.
        var clusters = await ClusterSessions.ReadAsync(db, dialogueId, ct);
        List<int> sessions = [dialogueId, .. clusters.Select(c => c.Id)];
        var issued = await db.IssuedDocuments.AsNoTracking().Where(d => sessions.Contains(d.DialogueId) && d.SupersededAtUtc == null).ToListAsync(ct);
        var publications = await db.DialoguePublications.AsNoTracking().Where(p => p.DialogueId == dialogueId).OrderBy(p => p.Channel).ToListAsync(ct);
        var files = new List<IReadOnlyList<ReportCell>>();
        var n = 1;
        foreach (var (kind, session) in Documents.SelectMany(kind => kind == DocumentKind.Minutes
                     ? clusters.Select(c => (kind, c.Id)).Prepend((kind, dialogueId))
                     : [(kind, dialogueId)]))
        {
            var prefix = $"{n++:00}-{Path.GetFileNameWithoutExtension(DocumentService.FileName(kind, session))}";
            if (issued.FirstOrDefault(d => d.Kind == kind && d.DialogueId == session) is { } version)
            {
                await AddAsync(zip, $"{folder}{prefix}-ban-{version.VersionNumber}.pdf", s => s.WriteAsync(version.Pdf, ct).AsTask());
                files.Add([$"{prefix}-ban-{version.VersionNumber}.pdf", version.NumberAndSymbol, (DateOnly?)version.IssuedOn, CoreText.Get("Evidence.State." + version.State), version.Code]);
            }
            else
            {
                await AddAsync(zip, $"{folder}{prefix}.docx", s => documents.WriteAsync(actor, session, kind, s, ct));
                files.Add([prefix + ".docx", clusters.FirstOrDefault(c => c.Id == session)?.Name ?? "", (DateOnly?)null, CoreText.Get("Evidence.NotIssued"), ""]);
            }
        }
        foreach (var p in publications)
        {
            var name = $"{n++:00}-cong-khai-{ChannelFileName(p.Channel)}{Path.GetExtension(p.ProofFileName)}";
            await AddAsync(zip, folder + name, s => s.WriteAsync(p.Proof, ct).AsTask());
            files.Add([name, CoreText.Get("Evidence.Channel." + p.Channel), (DateOnly?)p.PublishedOn, CoreText.Get("Evidence.Proof"), p.Note]);
        }
        var dialogueResults = (await results.ListAsync(ct, dialogueId)).SingleOrDefault();
        var petitions = (dialogueResults?.Petitions ?? []).Select(p => (IReadOnlyList<ReportCell>)
            [p.Code, (DateOnly?)p.ReceivedOn, p.Field, p.State, p.Department, p.Answer, p.Reply, (DateOnly?)p.ReplySentOn]).ToList();
        if (dialogueResults is null) petitions = await PetitionsOfUnheldAsync(db, sessions, ct);
        List<ReportTable> tables = [
            new ReportTable("Kiến nghị", CoreText.Get("Evidence.PetitionsTitle"),
                ["Mã kiến nghị", "Ngày tiếp nhận", "Lĩnh vực", "Tình trạng", "Bộ phận", "Trả lời", "Văn bản trả lời", "Ngày gửi trả lời"], petitions),
            new ReportTable("Tài liệu", CoreText.Get("Evidence.FilesTitle"), ["Tệp", "Số, ký hiệu / kênh", "Ngày", "Tình trạng", "Mã xác minh / ghi chú"], files),
        ];
        if (dialogue.Form != DialogueForm.InPerson) tables.Add(await OnlineAsync(db, dialogue, sessions, ct));
        await AddAsync(zip, folder + IndexName, s =>
        {
            XlsxReportWriter.Write(s, $"{dialogue.Title}", tables);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// A dialogue held online too (art. 43): its form and link, the most who followed it at once and how many were heard
    /// from afar, with their villages (no names: the index carries no personal data).
    /// </summary>
    private static async Task<ReportTable> OnlineAsync(PhoChauDbContext db, Dialogue dialogue, List<int> sessions, CancellationToken ct)
    {
        var (viewers, listeners) = await LiveAudienceService.ReadAsync(db, dialogue.Id, ct);
        var remote = await db.Speakers.AsNoTracking()
            .Where(s => sessions.Contains(s.DialogueId) && s.Remote && (s.Status == SpeakerStatus.Done || s.Status == SpeakerStatus.Speaking))
            .Select(s => s.VillageOrOrganisation).ToListAsync(ct);
        List<IReadOnlyList<ReportCell>> rows =
        [
            ["Hình thức", DialogueOrganisers.FormText(dialogue)],
            ["Số người cùng xem trang trực tiếp cao nhất", viewers],
            ["Số người cùng nghe âm thanh trực tiếp cao nhất", listeners],
            ["Số người phát biểu trực tuyến", remote.Count],
            .. remote.Select((village, i) => (IReadOnlyList<ReportCell>)[$"Người phát biểu trực tuyến thứ {i + 1}", village]),
        ];
        return new ReportTable("Trực tuyến", CoreText.Get("Evidence.OnlineTitle"), ["Nội dung", "Số liệu"], rows);
    }

    /// <summary>A dialogue not held yet has no published results: its petitions are listed all the same, by code.</summary>
    private static async Task<List<IReadOnlyList<ReportCell>>> PetitionsOfUnheldAsync(PhoChauDbContext db, List<int> sessions, CancellationToken ct) =>
        (await db.Petitions.AsNoTracking().Where(p => sessions.Contains(p.DialogueId)).OrderBy(p => p.Number).ToListAsync(ct))
            .Select(p => (IReadOnlyList<ReportCell>)new ReportCell[] { p.Code, (DateOnly?)p.ReceivedOn, PetitionLabels.Fields[p.Field], CoreText.Get("Public.State." + p.State), (string?)null, (string?)null, (string?)null, (DateOnly?)null })
            .ToList();

    private static async Task AddAsync(ZipArchive zip, string name, Func<Stream, Task> write)
    {
        // Each file built in memory first: ZipArchive entries cannot be written asynchronously in Create mode without buffering.
        using var buffer = new MemoryStream();
        await write(buffer);
        await using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        buffer.Position = 0;
        await buffer.CopyToAsync(entry);
    }

    /// <summary>The channel in a file name, in Vietnamese without marks (it read "Media", "NoticeBoard", "VillageHeads": issue 33.8).</summary>
    public static string ChannelFileName(PublicationChannel channel) => channel switch
    {
        PublicationChannel.Media => "thong-tin-dai-chung",
        PublicationChannel.NoticeBoard => "niem-yet-tru-so",
        PublicationChannel.VillageHeads => "gui-truong-thon",
        PublicationChannel.Website => "trang-thong-tin-dien-tu",
        _ => "kenh-khac",
    };
}
