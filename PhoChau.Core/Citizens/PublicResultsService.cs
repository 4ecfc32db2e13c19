using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.AfterSession;
using System.Text.Encodings.Web;

namespace PhoChau.Core.Citizens;

/// <summary>One petition as the public results show it: no name, phone, address or ID number.</summary>
public sealed record PublicPetitionResult(string Code, DateOnly ReceivedOn, string Field, string State, string? Department, string? Answer, string? Reply, DateOnly? ReplySentOn);

/// <summary>One held dialogue's published results: its notice of conclusions (once issued) and its petitions.</summary>
public sealed record PublicDialogueResult(int Id, string Title, DateOnly? HeldOn, string Venue, string? NoticeNumber, DateOnly? NoticeIssuedOn, string? Notice,
    IReadOnlyList<PublicPetitionResult> Petitions);

/// <summary>
/// The commune's public results (art. 43 of the 2025 law: results published; Decree 20/2008: answers published): each
/// held dialogue's issued notice of conclusions and every petition with its state and answer, for anyone, also as
/// CSV and JSON. Personal data never leaves: only the petition's code, field, dates, state, department and answers.
/// The texts are public copies (<see cref="PublicCopy"/>), each made once when its text is first published and hidden
/// against everything the portal then knew of the dialogue's petitioners and speakers (<see cref="PublicRedaction"/>);
/// an erasure later never brings back what was hidden. What a request costs does not grow with the dialogues: the
/// results, their CSV and JSON are built once per change (a stamp of the records' versions, read in one query per
/// table) and served from memory until the next change (public-results benchmark).
/// </summary>
public sealed class PublicResultsService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock)
{
    public const string Hidden = PublicRedaction.Hidden;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese letters as they are
        WriteIndented = true,
    };

    private sealed class Published(string stamp, IReadOnlyList<PublicDialogueResult> results)
    {
        public string Stamp { get; } = stamp;
        public IReadOnlyList<PublicDialogueResult> Results { get; } = results;
        public Lazy<byte[]> Csv { get; } = new(() => PublicResultsService.Csv(results));
        public Lazy<byte[]> Json { get; } = new(() => JsonSerializer.SerializeToUtf8Bytes(results, PublicResultsService.Json));
    }

    private readonly ConcurrentDictionary<int, Published> _published = new();
    private readonly SemaphoreSlim _building = new(1, 1);

    /// <summary>Every held dialogue's results, or one dialogue's (the evidence pack's) when <paramref name="dialogueId"/> is given.</summary>
    public async Task<IReadOnlyList<PublicDialogueResult>> ListAsync(CancellationToken ct = default, int? dialogueId = null)
    {
        var results = (await CurrentAsync(ct)).Results;
        return dialogueId is null ? results : results.Where(d => d.Id == dialogueId).ToList();
    }

    /// <summary>The results as CSV, made once per change.</summary>
    public async Task<byte[]> CsvAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).Csv.Value;

    /// <summary>The results as JSON, made once per change.</summary>
    public async Task<byte[]> JsonAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).Json.Value;

    /// <summary>The results with the stamp of the change they reflect: a page made from them is kept as long as the stamp holds.</summary>
    public async Task<(string Stamp, IReadOnlyList<PublicDialogueResult> Results)> CurrentResultsAsync(CancellationToken ct = default)
    {
        var published = await CurrentAsync(ct);
        return (published.Stamp, published.Results);
    }

    private async Task<Published> CurrentAsync(CancellationToken ct)
    {
        var commune = CommuneScope.Current;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stamp = await StampAsync(db, ct);
        if (_published.TryGetValue(commune, out var cached) && cached.Stamp == stamp) return cached;
        await _building.WaitAsync(ct);
        try
        {
            if (_published.TryGetValue(commune, out cached) && cached.Stamp == stamp) return cached;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await RefreshAsync(db, clock.GetUtcNow().UtcDateTime, ct);
                    await db.SaveChangesAsync(ct);
                    break;
                }
                catch (DbUpdateException) when (attempt == 0)
                {
                    // Another node made the same copies at the same moment: theirs are as good; read them.
                    db.ChangeTracker.Clear();
                }
            }
            var published = new Published(stamp, await BuildAsync(db, ct));
            _published[commune] = published;
            return published;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>
    /// What the published results depend on, read cheaply: the count and version sum of the dialogues, petitions and
    /// notices (every change through the portal bumps a version), and of the departments' names.
    /// </summary>
    private static async Task<string> StampAsync(PhoChauDbContext db, CancellationToken ct)
    {
        var dialogues = await db.Dialogues.AsNoTracking().GroupBy(_ => 1).Select(g => new { N = g.Count(), V = g.Sum(d => (long)d.Version) }).FirstOrDefaultAsync(ct);
        var petitions = await db.Petitions.AsNoTracking().GroupBy(_ => 1).Select(g => new { N = g.Count(), V = g.Sum(p => (long)p.Version) }).FirstOrDefaultAsync(ct);
        var notices = await db.ConclusionNotices.AsNoTracking().GroupBy(_ => 1).Select(g => new { N = g.Count(), V = g.Sum(n => (long)n.Version) }).FirstOrDefaultAsync(ct);
        var departments = await db.Departments.AsNoTracking().GroupBy(_ => 1).Select(g => new { N = g.Count(), V = g.Sum(d => (long)d.Name.Length + d.Id) }).FirstOrDefaultAsync(ct);
        return $"{dialogues?.N}:{dialogues?.V}|{petitions?.N}:{petitions?.V}|{notices?.N}:{notices?.V}|{departments?.N}:{departments?.V}";
    }

    /// <summary>
    /// Makes the public copy of every text of the held dialogues that is public now and has none, or whose text changed
    /// since its copy was made, hidden against the dialogue's people as the database holds them; removes the copies of
    /// texts no longer public. Added to <paramref name="db"/>, saved by the caller.
    /// </summary>
    public static async Task RefreshAsync(PhoChauDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var held = await HeldAsync(db, null, ct);
        if (held.Dialogues.Count == 0 && !await db.PublicCopies.AnyAsync(ct)) return;
        var sessions = held.DialogueOf.Keys.ToList();
        var petitions = await db.Petitions.AsNoTracking().Where(p => sessions.Contains(p.DialogueId) && p.State != PetitionState.Merged).ToListAsync(ct);
        var notices = await db.ConclusionNotices.AsNoTracking()
            .Where(n => held.Ids.Contains(n.DialogueId) && n.State == NoticeState.Issued).ToListAsync(ct);
        var sources = new List<(int Dialogue, PublicTextKind Kind, int SourceId, string Text)>();
        foreach (var p in petitions)
        {
            var (answer, reply) = PublicLookupService.PublicAnswer(p);
            if (!string.IsNullOrEmpty(answer)) sources.Add((held.DialogueOf[p.DialogueId], PublicTextKind.Answer, p.Id, answer));
            if (!string.IsNullOrEmpty(reply)) sources.Add((held.DialogueOf[p.DialogueId], PublicTextKind.Reply, p.Id, reply));
        }
        foreach (var n in notices.Where(n => n.Content.Length > 0)) sources.Add((n.DialogueId, PublicTextKind.Notice, n.Id, n.Content));

        var existing = await db.PublicCopies.ToListAsync(ct);
        var byKey = existing.ToDictionary(c => (c.Kind, c.SourceId));
        var values = new Dictionary<int, PersonalValues>();
        var wanted = new HashSet<(PublicTextKind, int)>();
        foreach (var (dialogue, kind, sourceId, text) in sources)
        {
            wanted.Add((kind, sourceId));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (byKey.TryGetValue((kind, sourceId), out var copy) && copy.SourceHash == hash && copy.DialogueId == dialogue) continue;
            if (!values.TryGetValue(dialogue, out var people)) values[dialogue] = people = await PeopleOfAsync(db, held.SessionsOf(dialogue), ct);
            var redacted = PublicRedaction.Redact(text, people);
            if (copy is null)
            {
                copy = new PublicCopy { Kind = kind, SourceId = sourceId };
                db.PublicCopies.Add(copy);
                byKey[(kind, sourceId)] = copy;
            }
            copy.DialogueId = dialogue;
            copy.SourceHash = hash;
            copy.Text = redacted.Text;
            copy.Hidden = string.Join('\n', redacted.Hidden);
            copy.MadeAtUtc = nowUtc;
        }
        db.PublicCopies.RemoveRange(existing.Where(c => !wanted.Contains((c.Kind, c.SourceId))));
    }

    /// <summary>The people of a dialogue's sessions as the database knows them now: petitioners, speakers, phone requests.</summary>
    public static async Task<PersonalValues> PeopleOfAsync(PhoChauDbContext db, IReadOnlyCollection<int> sessions, CancellationToken ct)
    {
        var values = new PersonalValues();
        foreach (var p in await db.Petitions.AsNoTracking().Where(p => sessions.Contains(p.DialogueId))
                     .Select(p => new { p.PetitionerName, p.Phone, p.Address, p.IdCardNumber, p.Email }).ToListAsync(ct))
            values.Add(p.PetitionerName, p.Phone, p.Address, p.IdCardNumber, p.Email);
        foreach (var name in await db.Speakers.AsNoTracking().Where(s => sessions.Contains(s.DialogueId)).Select(s => s.Name).ToListAsync(ct))
            values.Add(name);
        foreach (var r in await db.SpeakerRequests.AsNoTracking().Where(r => sessions.Contains(r.DialogueId)).Select(r => new { r.Name, r.Phone, r.Email }).ToListAsync(ct))
            values.Add(r.Name, r.Phone, email: r.Email);
        return values;
    }

    private sealed record Held(List<Dialogue> Dialogues, List<int> Ids, Dictionary<int, int> DialogueOf)
    {
        public List<int> SessionsOf(int dialogue) => DialogueOf.Where(x => x.Value == dialogue).Select(x => x.Key).ToList();
    }

    private static async Task<Held> HeldAsync(PhoChauDbContext db, int? dialogueId, CancellationToken ct)
    {
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
        return new Held(dialogues, ids, dialogueOf);
    }

    /// <summary>The results from the stored copies: no source text is read for the public.</summary>
    private static async Task<IReadOnlyList<PublicDialogueResult>> BuildAsync(PhoChauDbContext db, CancellationToken ct)
    {
        var held = await HeldAsync(db, null, ct);
        var sessions = held.DialogueOf.Keys.ToList();
        var petitions = (await db.Petitions.AsNoTracking().Where(p => sessions.Contains(p.DialogueId) && p.State != PetitionState.Merged)
                .OrderBy(p => p.Number)
                .Select(p => new { p.Id, p.DialogueId, p.Code, p.ReceivedOn, p.Field, p.State, p.LeadDepartmentId, p.ReplySentOn })
                .ToListAsync(ct))
            .GroupBy(p => held.DialogueOf[p.DialogueId]).ToDictionary(g => g.Key, g => g.ToList());
        var copies = (await db.PublicCopies.AsNoTracking().Select(c => new { c.Kind, c.SourceId, c.Text }).ToListAsync(ct))
            .ToDictionary(c => (c.Kind, c.SourceId), c => c.Text);
        var notices = await db.ConclusionNotices.AsNoTracking().Where(n => held.Ids.Contains(n.DialogueId) && n.State == NoticeState.Issued)
            .Select(n => new { n.Id, n.DialogueId, n.Number, n.IssuedOn }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return held.Dialogues.Select(d =>
        {
            var notice = notices.FirstOrDefault(n => n.DialogueId == d.Id);
            return new PublicDialogueResult(d.Id, d.Title, d.HeldOn(), d.Venue, notice?.Number, notice?.IssuedOn,
                notice is null ? null : copies.GetValueOrDefault((PublicTextKind.Notice, notice.Id)),
                petitions.GetValueOrDefault(d.Id, []).Select(p => new PublicPetitionResult(p.Code, p.ReceivedOn, PetitionLabels.Fields[p.Field],
                    CoreText.Get("Public.State." + p.State), p.LeadDepartmentId is { } dep ? departments.GetValueOrDefault(dep) : null,
                    copies.GetValueOrDefault((PublicTextKind.Answer, p.Id)), copies.GetValueOrDefault((PublicTextKind.Reply, p.Id)),
                    p.ReplySentOn)).ToList());
        }).ToList();
    }

    /// <summary>What the public copy of <paramref name="text"/> would hide, for the person who approves it.</summary>
    public async Task<RedactedText> PreviewAsync(int petitionId, string text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dialogueId = await db.Petitions.AsNoTracking().Where(p => p.Id == petitionId).Select(p => p.DialogueId).SingleAsync(ct);
        var parent = await db.Dialogues.AsNoTracking().Where(d => d.Id == dialogueId).Select(d => d.ParentId ?? d.Id).SingleAsync(ct);
        return PublicRedaction.Redact(text, await PeopleOfAsync(db, await ClusterService.SeriesAsync(db, parent, ct), ct));
    }

    /// <summary>
    /// Erasure and retention: the people's values are hidden in the texts of their dialogues that are or may become
    /// public (answers, replies, the notice), and dropped from what the public copies list as hidden. Changes
    /// <paramref name="db"/>; the caller saves with the rest of the erasure.
    /// </summary>
    public static async Task ForgetAsync(PhoChauDbContext db, PersonalValues people, IReadOnlyCollection<int> sessions, CancellationToken ct)
    {
        if (people.Words.Count == 0 && people.Numbers.Count == 0 || sessions.Count == 0) return;
        string? Scrub(string? text) => text is null ? null : PublicRedaction.Redact(text, people) is { Hidden.Count: > 0 } r ? r.Text : text;
        var parents = await db.Dialogues.AsNoTracking().Where(d => sessions.Contains(d.Id)).Select(d => d.ParentId ?? d.Id).Distinct().ToListAsync(ct);
        var all = await db.Dialogues.AsNoTracking().Where(d => parents.Contains(d.Id) || (d.ParentId != null && parents.Contains(d.ParentId.Value)))
            .Select(d => d.Id).ToListAsync(ct);
        foreach (var p in await db.Petitions.Where(p => all.Contains(p.DialogueId)).ToListAsync(ct))
        {
            var (answer, session, reply) = (Scrub(p.Answer), Scrub(p.SessionAnswer), Scrub(p.ReplyText));
            if (answer == p.Answer && session == p.SessionAnswer && reply == p.ReplyText) continue;
            (p.Answer, p.SessionAnswer, p.ReplyText) = (answer, session, reply);
        }
        foreach (var n in await db.ConclusionNotices.Where(n => all.Contains(n.DialogueId)).ToListAsync(ct))
            if (Scrub(n.Content) is { } content && content != n.Content)
            {
                n.Content = content;
            }
        foreach (var c in await db.PublicCopies.Where(c => parents.Contains(c.DialogueId)).ToListAsync(ct))
        {
            var kept = c.Hidden.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(h => PublicRedaction.Redact(h, people).Hidden.Count == 0);
            c.Hidden = string.Join('\n', kept);
            c.Text = Scrub(c.Text)!;
        }
    }

    /// <summary>The petitions as CSV (UTF-8 with its mark, so Excel reads the Vietnamese), one row a petition.</summary>
    public static byte[] Csv(IReadOnlyList<PublicDialogueResult> results)
    {
        var sb = new StringBuilder("Buổi đối thoại,Ngày đối thoại,Mã kiến nghị,Ngày tiếp nhận,Lĩnh vực,Tình trạng,Bộ phận,Trả lời,Văn bản trả lời,Ngày gửi trả lời\r\n");
        static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        foreach (var d in results)
        foreach (var p in d.Petitions)
            sb.Append(string.Join(',', Cell(d.Title), D(d.HeldOn), Cell(p.Code), D(p.ReceivedOn), Cell(p.Field), Cell(p.State), Cell(p.Department), Cell(p.Answer),
                Cell(p.Reply), D(p.ReplySentOn))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>
    /// A quoted CSV cell. One that a spreadsheet would read as a formula (=, +, -, @, a tab or a carriage return first)
    /// starts with an apostrophe, as OWASP advises: a citizen's words never run in a clerk's Excel.
    /// </summary>
    public static string Cell(string? v)
    {
        if (v is null) return "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }
}
