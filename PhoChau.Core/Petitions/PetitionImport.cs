using System.Globalization;
using ClosedXML.Excel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Security;
using PhoChau.Core.Text;
using PhoChau.Core.Resources;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Village heads' Excel lists: a template to fill, a preview that checks every row (row, column, why, in
/// Vietnamese) and flags likely duplicates, and a confirm that saves all valid rows in one transaction.
/// </summary>
public sealed class PetitionImport(IDbContextFactory<PhoChauDbContext> dbFactory, PetitionInputValidator validator, TimeProvider clock)
{
    public const int MaxRows = 5000;

    public async Task<byte[]> TemplateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => v.Name).ToListAsync(ct);
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Kiến nghị");
        for (var c = 0; c < ImportColumn.All.Count; c++)
        {
            var col = ImportColumn.All[c];
            ws.Cell(1, c + 1).SetValue(col.Header + (col.Required ? " (*)" : ""));
            ws.Column(c + 1).Width = col.Key == "text" ? 60 : col.Header.Length + 8;
        }
        ws.Row(1).Style.Font.Bold = true;
        ws.SheetView.FreezeRows(1);
        ws.Column(ImportColumn.All.ToList().FindIndex(c => c.Key == "phone") + 1).Style.NumberFormat.Format = "@";
        ws.Column(ImportColumn.All.ToList().FindIndex(c => c.Key == "idcard") + 1).Style.NumberFormat.Format = "@";

        var lists = wb.AddWorksheet("Danh mục");
        WriteList(lists, 1, "Thôn", villages);
        WriteList(lists, 2, "Cá nhân / Tổ chức", PetitionLabels.Kinds.Values);
        WriteList(lists, 3, "Hình thức tiếp nhận", PetitionLabels.Channels.Values);
        WriteList(lists, 4, "Lĩnh vực", PetitionLabels.Fields.Values);
        lists.Cell(1, 6).SetValue("Ngày tiếp nhận ghi dạng ngày/tháng/năm, ví dụ 15/03/2026. Cột có dấu (*) là bắt buộc.");
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static void WriteList(IXLWorksheet ws, int col, string header, IEnumerable<string> values)
    {
        ws.Cell(1, col).SetValue(header);
        ws.Cell(1, col).Style.Font.Bold = true;
        var row = 2;
        foreach (var v in values) ws.Cell(row++, col).SetValue(v);
        ws.Column(col).Width = Math.Max(header.Length, values.Select(v => v.Length).DefaultIfEmpty(10).Max()) + 4;
    }

    /// <summary>Reads and checks the file; saves nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(Actor actor, int dialogueId, Stream file, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Dialogues.AnyAsync(d => d.Id == dialogueId && d.State != DialogueState.Closed && d.State != DialogueState.Cancelled, ct))
            return new ImportPreview(CoreText.Get("Import.DialogueUnavailable"), []);

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (buffer.Length < 4 || buffer.GetBuffer()[0] != 'P' || buffer.GetBuffer()[1] != 'K')
            return new ImportPreview(CoreText.Get("Import.NotXlsx"), []);
        XLWorkbook wb;
        try { wb = new XLWorkbook(buffer); }
        catch (Exception) { return new ImportPreview(CoreText.Get("Import.Unreadable"), []); }

        using (wb)
        {
            var ws = wb.Worksheets.First();
            var header = ws.Row(1);
            var map = new Dictionary<string, int>();
            foreach (var cell in header.CellsUsed())
            {
                var folded = VietnameseText.Fold(cell.GetString().Replace("(*)", ""));
                var col = ImportColumn.All.FirstOrDefault(c => VietnameseText.Fold(c.Header) == folded);
                if (col is not null) map[col.Key] = cell.Address.ColumnNumber;
            }
            var missing = ImportColumn.All.Where(c => c.Required && !map.ContainsKey(c.Key)).Select(c => c.Header).ToList();
            if (missing.Count > 0)
                return new ImportPreview(CoreText.Format("Import.ColumnsMissing", string.Join(", ", missing)), []);

            var lastRow = ws.LastRowUsed()?.RowNumber() ?? 1;
            if (lastRow - 1 > MaxRows)
                return new ImportPreview(CoreText.Format("Import.TooManyRows", lastRow - 1, MaxRows), []);

            var villages = await db.Villages.Where(v => v.IsActive).ToListAsync(ct);
            var existing = await db.Petitions.AsNoTracking()
                .Where(p => p.DialogueId == dialogueId && p.State != PetitionState.Withdrawn && p.State != PetitionState.Merged)
                .Select(p => new { p.Code, p.PetitionerName, p.VillageId, p.Text }).ToListAsync(ct);
            var known = existing.Select(e => new Fingerprint(e.Code, VietnameseText.Fold(e.PetitionerName), e.VillageId, Words(e.Text))).ToList();

            var rows = new List<ImportRow>();
            for (var r = 2; r <= lastRow; r++)
            {
                var row = ws.Row(r);
                if (map.Values.All(c => row.Cell(c).IsEmpty())) continue;
                var (input, errors) = ReadRow(row, map, villages, dialogueId);
                var check = await validator.ValidateAsync(input, ct);
                foreach (var e in check.Errors.Where(e => errors.All(x => x.Column != HeaderOf(e.PropertyName))))
                    errors.Add(new ImportError(HeaderOf(e.PropertyName), e.ErrorMessage));
                string? duplicate = null;
                if (errors.Count == 0)
                {
                    var print = new Fingerprint(CoreText.Format("Import.Row", r), VietnameseText.Fold(input.PetitionerName), input.VillageId, Words(input.Text));
                    duplicate = known.FirstOrDefault(k => k.IsLikelySameAs(print))?.Reference;
                    known.Add(print);
                }
                rows.Add(new ImportRow(r, input, errors, duplicate));
            }
            if (rows.Count == 0) return new ImportPreview(CoreText.Get("Import.NoRows"), []);
            return new ImportPreview(null, rows);
        }
    }

    /// <summary>Saves every valid row (optionally not the likely duplicates) in one transaction: all or nothing.</summary>
    public async Task<int> ConfirmAsync(Actor actor, int dialogueId, ImportPreview preview, bool skipDuplicates, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        if (preview.FileError is not null) throw new DomainException(preview.FileError);
        var toSave = preview.Rows.Where(r => r.IsValid && !(skipDuplicates && r.LikelyDuplicateOf is not null)).ToList();
        if (toSave.Count == 0) throw new DomainException(CoreText.Get("Import.NothingValid"));
        foreach (var row in toSave)
        {
            if (row.Input.DialogueId != dialogueId) throw new DomainException(CoreText.Get("Import.OtherDialogue"));
            await validator.EnsureValidAsync(row.Input, ct);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dialogue = await db.Dialogues.SingleOrDefaultAsync(d => d.Id == dialogueId, ct) ?? throw new DomainException(CoreText.Get("Dialogues.NotFound"));
        if (dialogue.State is DialogueState.Closed or DialogueState.Cancelled)
            throw new DomainException(CoreText.Get("Petitions.DialogueClosed"));
        var number = await db.Petitions.Where(p => p.DialogueId == dialogueId).MaxAsync(p => (int?)p.Number, ct) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in toSave)
        {
            number++;
            var p = new Petition { DialogueId = dialogueId, Number = number, Code = PetitionCode.Format(dialogue.Year, number), State = PetitionState.Received, CreatedAtUtc = now };
            PetitionService.Apply(p, row.Input);
            db.Petitions.Add(p);
        }
        await db.SaveChangesAsync(actor, ct);
        await tx.CommitAsync(ct);
        return toSave.Count;
    }

    private (PetitionInput Input, List<ImportError> Errors) ReadRow(IXLRow row, Dictionary<string, int> map, List<Departments.Village> villages, int dialogueId)
    {
        var errors = new List<ImportError>();
        string Text(string key) => map.TryGetValue(key, out var c) ? row.Cell(c).GetString().Trim() : "";
        var input = new PetitionInput
        {
            DialogueId = dialogueId,
            PetitionerName = Text("name"),
            Address = NullIfEmpty(Text("address")),
            IdCardNumber = NullIfEmpty(Text("idcard")),
            ProcedureName = NullIfEmpty(Text("procedure")),
            Text = Text("text"),
            Phone = ReadPhone(row, map),
            ReceivedOn = VietnamTime.Today(clock),
            Channel = PetitionChannel.VillageHead,
        };

        var kind = Text("kind");
        if (kind.Length > 0)
        {
            if (Match(PetitionLabels.Kinds, kind) is { } k) input.PetitionerKind = k;
            else errors.Add(new ImportError(Header("kind"), CoreText.Format("Import.KindInvalid", kind)));
        }
        var village = Text("village");
        if (village.Length == 0) errors.Add(new ImportError(Header("village"), CoreText.Get("Import.VillageMissing")));
        else if (villages.FirstOrDefault(v => VietnameseText.Fold(v.Name) == VietnameseText.Fold(village)
                                              || VietnameseText.Fold(v.Name) == "thon " + VietnameseText.Fold(village)) is { } v) input.VillageId = v.Id;
        else errors.Add(new ImportError(Header("village"), CoreText.Format("Import.VillageUnknown", village)));
        var channel = Text("channel");
        if (channel.Length > 0)
        {
            if (Match(PetitionLabels.Channels, channel) is { } ch) input.Channel = ch;
            else errors.Add(new ImportError(Header("channel"), CoreText.Format("Import.ChannelUnknown", channel)));
        }
        var field = Text("field");
        if (Match(PetitionLabels.Fields, field) is { } f) input.Field = f;
        else errors.Add(new ImportError(Header("field"), field.Length == 0 ? CoreText.Get("Import.FieldMissing") : CoreText.Format("Import.FieldUnknown", field)));
        if (ReadDate(row.Cell(map["received"])) is { } date) input.ReceivedOn = date;
        else errors.Add(new ImportError(Header("received"), CoreText.Get("Import.DateInvalid")));
        return (input, errors);
    }

    private static string? ReadPhone(IXLRow row, Dictionary<string, int> map)
    {
        if (!map.TryGetValue("phone", out var c) || row.Cell(c).IsEmpty()) return null;
        var cell = row.Cell(c);
        // Excel turns a typed 0905123456 into the number 905123456: a 9- or 10-digit number lost its leading zero.
        if (cell.DataType == XLDataType.Number)
        {
            var digits = cell.GetDouble().ToString("0", CultureInfo.InvariantCulture);
            return digits.Length is 9 or 10 ? "0" + digits : digits;
        }
        return cell.GetString().Trim();
    }

    private static DateOnly? ReadDate(IXLCell cell)
    {
        if (cell.IsEmpty()) return null;
        if (cell.DataType == XLDataType.DateTime) return DateOnly.FromDateTime(cell.GetDateTime());
        var text = cell.GetString().Trim();
        string[] formats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "yyyy-MM-dd", "d.M.yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static T? Match<T>(IReadOnlyDictionary<T, string> labels, string text) where T : struct
    {
        var folded = VietnameseText.Fold(text);
        foreach (var (value, label) in labels)
        {
            var l = VietnameseText.Fold(label);
            if (l == folded || l.StartsWith(folded, StringComparison.Ordinal) && folded.Length >= 4) return value;
        }
        return null;
    }

    private static string Header(string key) => ImportColumn.All.First(c => c.Key == key).Header;

    private static string HeaderOf(string property) =>
        ImportColumn.All.FirstOrDefault(c => c.ModelProperty == property)?.Header ?? property;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static HashSet<string> Words(string text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).ToHashSet();

    /// <summary>Same person (folded name) of the same village with a similar text, or nearly the same text.</summary>
    private sealed record Fingerprint(string Reference, string Name, int? VillageId, HashSet<string> Words)
    {
        public bool IsLikelySameAs(Fingerprint other)
        {
            var union = Words.Count + other.Words.Count - Words.Intersect(other.Words).Count();
            var similarity = union == 0 ? 0 : (double)Words.Intersect(other.Words).Count() / union;
            return (Name == other.Name && VillageId == other.VillageId && similarity >= 0.5) || similarity >= 0.8;
        }
    }
}
