using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Citizens;

/// <summary>One petition as the public results show it: no name, phone, address or ID number.</summary>
public sealed record PublicPetitionResult(string Code, DateOnly ReceivedOn, string Field, string State, string? Department, string? Answer, string? Reply, DateOnly? ReplySentOn);

/// <summary>One held dialogue's published results: its notice of conclusions (once issued) and its petitions.</summary>
public sealed record PublicDialogueResult(int Id, string Title, DateOnly? HeldOn, string Venue, string? NoticeNumber, DateOnly? NoticeIssuedOn, string? Notice,
    IReadOnlyList<PublicPetitionResult> Petitions);

/// <summary>
/// The commune's public results (art. 43 of the 2025 law: results published; Decree 20/2008: answers published): each
/// held dialogue's issued notice of conclusions and every petition with its state and answer, for anyone, also as
/// CSV and JSON. Personal data never leaves: only the petition's code, field, dates, state, department and answers;
/// and in every published text the names, phones, addresses and ID numbers of the dialogue's petitioners and speakers
/// are replaced, since a notice or an answer may quote them.
/// </summary>
public sealed class PublicResultsService(IDbContextFactory<PhoChauDbContext> dbFactory)
{
    public const string Hidden = "[đã ẩn]";

    /// <summary>Every held dialogue's results, or one dialogue's (the evidence pack's) when <paramref name="dialogueId"/> is given.</summary>
    public async Task<IReadOnlyList<PublicDialogueResult>> ListAsync(CancellationToken ct = default, int? dialogueId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dialogues = await db.Dialogues.AsNoTracking()
            .Where(d => d.State == DialogueState.Concluded || d.State == DialogueState.Closed)
            .Where(d => d.ParentId == null) // a cluster session's results are its dialogue's, published together
            .Where(d => dialogueId == null || d.Id == dialogueId)
            .OrderByDescending(d => d.SessionDate).ThenByDescending(d => d.Id).ToListAsync(ct);
        var ids = dialogues.Select(d => d.Id).ToList();
        // Each session's dialogue: its own id, or the dialogue it is a cluster session of.
        var dialogueOf = (await db.Dialogues.AsNoTracking().Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value))
                .Select(c => new { c.Id, Parent = c.ParentId!.Value }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.Parent);
        foreach (var id in ids) dialogueOf[id] = id;
        var sessions = dialogueOf.Keys.ToList();
        var petitions = (await db.Petitions.AsNoTracking().Where(p => sessions.Contains(p.DialogueId) && p.State != PetitionState.Merged)
            .OrderBy(p => p.Number).ToListAsync(ct)).Select(p => (Dialogue: dialogueOf[p.DialogueId], Petition: p)).ToList();
        var speakers = (await db.Speakers.AsNoTracking().Where(s => sessions.Contains(s.DialogueId)).Select(s => new { s.DialogueId, s.Name }).ToListAsync(ct))
            .Select(s => new { DialogueId = dialogueOf[s.DialogueId], s.Name }).ToList();
        var notices = await db.ConclusionNotices.AsNoTracking().Where(n => ids.Contains(n.DialogueId) && n.State == AfterSession.NoticeState.Issued).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return dialogues.Select(d =>
        {
            var own = petitions.Where(p => p.Dialogue == d.Id).Select(p => p.Petition).ToList();
            var personal = own.SelectMany(p => new[] { p.PetitionerName, p.Phone, p.Address, p.IdCardNumber })
                .Concat(speakers.Where(s => s.DialogueId == d.Id).Select(s => s.Name))
                .Where(x => !string.IsNullOrWhiteSpace(x) && x.Trim().Length >= 3).Select(x => x!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(x => x.Length).ToList();
            string? Clean(string? text) => text is null ? null : Redact(text, personal);
            var notice = notices.FirstOrDefault(n => n.DialogueId == d.Id);
            return new PublicDialogueResult(d.Id, d.Title, d.HeldOn(), d.Venue, notice?.Number, notice?.IssuedOn, Clean(notice?.Content),
                own.Select(p =>
                {
                    var (answer, reply) = PublicLookupService.PublicAnswer(p);
                    return new PublicPetitionResult(p.Code, p.ReceivedOn, PetitionLabels.Fields[p.Field], CoreText.Get("Public.State." + p.State),
                        p.LeadDepartmentId is { } dep ? departments.GetValueOrDefault(dep) : null, Clean(answer), Clean(reply), p.ReplySentOn);
                }).ToList());
        }).ToList();
    }

    /// <summary>Each personal value replaced wherever it stands (case and spacing forgiven, a phone's spaces or dots too).</summary>
    public static string Redact(string text, IReadOnlyList<string> personal)
    {
        foreach (var value in personal)
        {
            var pattern = string.Join(@"[\s.\-]*", value.Where(c => !char.IsWhiteSpace(c)).Select(c => Regex.Escape(c.ToString())));
            text = Regex.Replace(text, pattern, Hidden, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        return text;
    }

    /// <summary>The petitions as CSV (UTF-8 with its mark, so Excel reads the Vietnamese), one row a petition.</summary>
    public static byte[] Csv(IReadOnlyList<PublicDialogueResult> results)
    {
        var sb = new StringBuilder("Buổi đối thoại,Ngày đối thoại,Mã kiến nghị,Ngày tiếp nhận,Lĩnh vực,Tình trạng,Bộ phận,Trả lời,Văn bản trả lời,Ngày gửi trả lời\r\n");
        static string F(string? v) => v is null ? "" : "\"" + v.Replace("\"", "\"\"") + "\"";
        static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        foreach (var d in results)
        foreach (var p in d.Petitions)
            sb.Append(string.Join(',', F(d.Title), D(d.HeldOn), F(p.Code), D(p.ReceivedOn), F(p.Field), F(p.State), F(p.Department), F(p.Answer), F(p.Reply), D(p.ReplySentOn))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
