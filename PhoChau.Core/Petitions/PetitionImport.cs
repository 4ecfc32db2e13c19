using System.Globalization;
using ClosedXML.Excel;
using FluentValidation;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Text;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Village heads' Excel lists: a template to fill, a preview that checks every row (row, column, why, in
/// Vietnamese) and flags likely duplicates, and a confirm that saves all valid rows in one transaction.
/// </summary>
public sealed class PetitionImport(IDbContextFactory<PhoChauDbContext> dbFactory, PetitionInputValidator validator, Citizens.TrackingPin pins, TimeProvider clock)
{
    public const int MaxRows = 5000;

    public async Task<byte[]> TemplateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => v.Name).ToListAsync(ct);
        return ImportWorkbooks.Template(villages);
    }

    /// <summary>Reads and checks the file; saves nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(Actor actor, int dialogueId, Stream file, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Dialogues.AnyAsync(d => d.Id == dialogueId && d.State != DialogueState.Closed && d.State != DialogueState.Cancelled, ct))
            return new ImportPreview(CoreText.Get("Import.DialogueUnavailable"), []);

        // The zip's directory is at its end: the upload (a few hundred KB for 5,000 rows) is kept as bytes, then read
        // row by row without building a workbook.
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (buffer.Length < 4 || buffer.GetBuffer()[0] != 'P' || buffer.GetBuffer()[1] != 'K')
            return new ImportPreview(CoreText.Get("Import.NotXlsx"), []);
        ImportSheetReader sheet;
        try { sheet = ImportSheetReader.Open(buffer); }
        catch (Exception) { return new ImportPreview(CoreText.Get("Import.Unreadable"), []); }

        using (sheet)
        {
            IEnumerator<(int Row, Dictionary<int, SheetCell> Cells)> rowsOfSheet;
            try { rowsOfSheet = sheet.Rows().GetEnumerator(); }
            catch (Exception) { return new ImportPreview(CoreText.Get("Import.Unreadable"), []); }
            using var rowEnumerator = rowsOfSheet;
            var map = new Dictionary<string, int>();
            if (!MoveNext(rowEnumerator, out var unreadable) || unreadable)
                return new ImportPreview(CoreText.Get(unreadable ? "Import.Unreadable" : "Import.NoRows"), []);
            foreach (var (columnNumber, cell) in rowEnumerator.Current.Cells)
            {
                var folded = VietnameseText.Fold(cell.Text.Replace("(*)", ""));
                var col = ImportColumn.All.FirstOrDefault(c => VietnameseText.Fold(c.Header) == folded);
                if (col is not null) map[col.Key] = columnNumber;
            }
            var missing = ImportColumn.All.Where(c => c.Required && !map.ContainsKey(c.Key)).Select(c => c.Header).ToList();
            if (missing.Count > 0)
                return new ImportPreview(CoreText.Format("Import.ColumnsMissing", string.Join(", ", missing)), []);

            var villages = await VillageNames.ActiveAsync(db, ct);
            var existing = await db.Petitions.AsNoTracking()
                .Where(p => p.DialogueId == dialogueId && p.State != PetitionState.Withdrawn && p.State != PetitionState.Merged)
                .Select(p => new { p.Code, p.PetitionerName, p.VillageId, p.Text }).ToListAsync(ct);
            var known = existing.Select(e => new Fingerprint(e.Code, VietnameseText.Fold(e.PetitionerName), e.VillageId, Words(e.Text))).ToList();

            var rows = new List<ImportRow>();
            var dataRows = 0;
            while (MoveNext(rowEnumerator, out unreadable))
            {
                var (r, cells) = rowEnumerator.Current;
                if (map.Values.All(c => !cells.TryGetValue(c, out var cell) || cell.IsEmpty)) continue;
                if (map.TryGetValue("name", out var nameColumn) && cells.TryGetValue(nameColumn, out var nameCell) && ImportWorkbooks.IsExample(nameCell.Text)) continue;
                // Too long a list is refused whole; the rows past the limit are only counted, to say how many there are.
                if (++dataRows > MaxRows) continue;
                var (input, errors) = ReadRow(cells, map, villages, dialogueId);
                var check = await validator.ValidateAsync(input, ct);
                foreach (var e in check.Errors.Where(e => errors.All(x => x.Column != HeaderOf(e.PropertyName))))
                    errors.Add(new ImportError(HeaderOf(e.PropertyName), e.ErrorMessage));
                string? duplicate = null;
                if (errors.Count == 0)
                {
                    var print = new Fingerprint(CoreText.Format("Import.Row", r), VietnameseText.Fold(input.PetitionerName), input.VillageId, Words(input.Text));
                    foreach (var k in known)
                        if (k.IsLikelySameAs(print)) { duplicate = k.Reference; break; }
                    known.Add(print);
                }
                var typed = ImportColumn.All.Select(c => map.TryGetValue(c.Key, out var col) && cells.TryGetValue(col, out var cell) ? cell.Text ?? "" : "").ToList();
                rows.Add(new ImportRow(r, input, errors, duplicate, typed));
            }
            if (unreadable) return new ImportPreview(CoreText.Get("Import.Unreadable"), []);
            if (dataRows > MaxRows)
                return new ImportPreview(CoreText.Format("Import.TooManyRows", dataRows, MaxRows), []);
            if (rows.Count == 0) return new ImportPreview(CoreText.Get("Import.NoRows"), []);
            return new ImportPreview(null, rows);
        }
    }

    /// <summary>The next row; a sheet whose XML breaks half-way is unreadable, not a crash.</summary>
    private static bool MoveNext(IEnumerator<(int, Dictionary<int, SheetCell>)> rows, out bool unreadable)
    {
        try
        {
            unreadable = false;
            return rows.MoveNext();
        }
        catch (Exception)
        {
            unreadable = true;
            return false;
        }
    }

    /// <summary>
    /// Saves every valid row in one transaction: all or nothing. Likely duplicates are left out unless the clerk
    /// chooses to keep them: a duplicate that slips in is worse than one the clerk adds back by hand. The clerk
    /// confirms that every petitioner in the file consented (on the paper form, with the purpose text) when the
    /// petition was taken in; that confirmation is recorded on each petition, under the clerk's name.
    /// </summary>
    public async Task<ImportResult> ConfirmAsync(Actor actor, int dialogueId, ImportPreview preview, bool consentConfirmed, bool keepDuplicates = false, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        if (!consentConfirmed) throw new DomainException(CoreText.Get("Import.ConsentRequired"));
        if (preview.FileError is not null) throw new DomainException(preview.FileError);
        var toSave = preview.Rows.Where(r => r.IsValid && (keepDuplicates || r.LikelyDuplicateOf is null)).ToList();
        if (toSave.Count == 0) throw new DomainException(CoreText.Get("Import.NothingValid"));
        foreach (var row in toSave)
        {
            if (row.Input.DialogueId != dialogueId) throw new DomainException(CoreText.Get("Import.OtherDialogue"));
            await validator.EnsureValidAsync(row.Input, ct); // checked again: the list may have changed since the preview
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dialogue = await db.Dialogues.SingleOrDefaultAsync(d => d.Id == dialogueId, ct) ?? throw new DomainException(CoreText.Get("Dialogues.NotFound"));
        if (dialogue.State is DialogueState.Closed or DialogueState.Cancelled)
            throw new DomainException(CoreText.Get("Petitions.DialogueClosed"));
        var number = await db.Petitions.Where(p => p.DialogueId == dialogueId).MaxAsync(p => (int?)p.Number, ct) ?? 0;
        var first = number + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        // Thousands of rows: one prepared insert and its audit entry per row, in this one transaction (all or nothing).
        // On PostgreSQL (a province's server, not a laptop) the rows go through SaveChanges, in the same transaction.
        using var insert = db.Database.IsSqlite() ? new BulkInsert<Petition>(db, actor, now) : null;
        foreach (var row in toSave)
        {
            number++;
            var p = new Petition { DialogueId = dialogueId, Number = number, Code = PetitionCode.Format(dialogue.Year, number), State = PetitionState.Received, CreatedAtUtc = now };
            PetitionService.Apply(p, row.Input);
            PersonalData.Consent.Record(p, now, actor.UserName);
            pins.Issue(p, now); // every petition has a PIN; its receipt, printed later, issues a new one
            if (insert is not null) await insert.AddAsync(p, ct);
            else db.Petitions.Add(p);
        }
        if (insert is null) await db.SaveChangesAsync(actor, ct);
        await tx.CommitAsync(ct);
        return new ImportResult(toSave.Count, first, number);
    }

    private (PetitionInput Input, List<ImportError> Errors) ReadRow(Dictionary<int, SheetCell> cells, Dictionary<string, int> map, List<(int Id, string Folded)> villages, int dialogueId)
    {
        var errors = new List<ImportError>();
        SheetCell Cell(string key) => map.TryGetValue(key, out var c) && cells.TryGetValue(c, out var cell) ? cell : default;
        string Text(string key) => (Cell(key).Text ?? "").Trim();
        var input = new PetitionInput
        {
            DialogueId = dialogueId,
            Consent = true, // the file's consent is confirmed once, by the clerk, when it is saved
            PetitionerName = Text("name"),
            Address = NullIfEmpty(Text("address")),
            IdCardNumber = NullIfEmpty(Text("idcard")),
            ProcedureName = NullIfEmpty(Text("procedure")),
            Text = Text("text"),
            Phone = ReadPhone(Cell("phone")),
            ReceivedOn = VietnamTime.Today(clock),
            Channel = PetitionChannel.VillageHead,
        };

        var kind = Text("kind");
        if (kind.Length > 0)
        {
            if (Match(FoldedKinds, kind) is { } k) input.PetitionerKind = k;
            else errors.Add(new ImportError(Header("kind"), CoreText.Format("Import.KindInvalid", kind)));
        }
        var village = Text("village");
        if (village.Length == 0) errors.Add(new ImportError(Header("village"), CoreText.Get("Import.VillageMissing")));
        else if (VillageNames.FindId(villages, village) is { } villageId) input.VillageId = villageId;
        else errors.Add(new ImportError(Header("village"), CoreText.Format("Import.VillageUnknown", village)));
        var channel = Text("channel");
        if (channel.Length > 0)
        {
            if (Match(FoldedChannels, channel) is { } ch) input.Channel = ch;
            else errors.Add(new ImportError(Header("channel"), CoreText.Format("Import.ChannelUnknown", channel)));
        }
        var field = Text("field");
        if (Match(FoldedFields, field) is { } f) input.Field = f;
        else errors.Add(new ImportError(Header("field"), field.Length == 0 ? CoreText.Get("Import.FieldMissing") : CoreText.Format("Import.FieldUnknown", field)));
        if (ReadDate(Cell("received")) is { } date) input.ReceivedOn = date;
        else errors.Add(new ImportError(Header("received"), CoreText.Get("Import.DateInvalid")));
        return (input, errors);
    }

    private static string? ReadPhone(SheetCell cell)
    {
        if (cell.IsEmpty) return null;
        // Excel turns a typed 0905123456 into the number 905123456: a 9- or 10-digit number lost its leading zero.
        if (cell.Number is { } n)
        {
            var digits = n.ToString("0", CultureInfo.InvariantCulture);
            return digits.Length is 9 or 10 ? "0" + digits : digits;
        }
        return (cell.Text ?? "").Trim();
    }

    private static DateOnly? ReadDate(SheetCell cell)
    {
        if (cell.IsEmpty) return null;
        // A real date is a day number (1 = 1 January 1900) with a date format.
        if (cell.Number is { } n && cell.IsDate && n is >= 1 and < 2958466) return DateOnly.FromDateTime(DateTime.FromOADate(n));
        var text = (cell.Text ?? "").Trim();
        string[] formats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "yyyy-MM-dd", "d.M.yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static readonly (PetitionerKind Value, string Folded)[] FoldedKinds = Folded(PetitionLabels.Kinds);
    private static readonly (PetitionChannel Value, string Folded)[] FoldedChannels = Folded(PetitionLabels.Channels);
    private static readonly (PetitionField Value, string Folded)[] FoldedFields = Folded(PetitionLabels.Fields);

    private static (T, string)[] Folded<T>(IReadOnlyDictionary<T, string> labels) => labels.Select(l => (l.Key, VietnameseText.Fold(l.Value))).ToArray();

    private static T? Match<T>((T Value, string Folded)[] labels, string text) where T : struct
    {
        var folded = VietnameseText.Fold(text);
        foreach (var (value, l) in labels)
            if (l == folded || l.StartsWith(folded, StringComparison.Ordinal) && folded.Length >= 4) return value;
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
            // Jaccard similarity of the two texts' words, counted without building a set for every pair.
            var (small, large) = Words.Count <= other.Words.Count ? (Words, other.Words) : (other.Words, Words);
            var shared = 0;
            foreach (var w in small) if (large.Contains(w)) shared++;
            var union = Words.Count + other.Words.Count - shared;
            var similarity = union == 0 ? 0 : (double)shared / union;
            return (Name == other.Name && VillageId == other.VillageId && similarity >= 0.5) || similarity >= 0.8;
        }
    }
}
