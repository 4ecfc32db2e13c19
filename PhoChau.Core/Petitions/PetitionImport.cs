using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Text;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Village heads' Excel lists: a template to fill (<see cref="ImportWorkbooks"/>), a preview that reads the sheet
/// (<see cref="ImportSheetReader"/>), checks every row (<see cref="ImportRowReader"/>: row, column, why, in Vietnamese)
/// and flags likely duplicates (<see cref="ImportDuplicates"/>), and a confirm that saves all valid rows in one transaction.
/// </summary>
public sealed class PetitionImport(IDbContextFactory<PhoChauDbContext> dbFactory, PetitionInputValidator validator, TrackingPin pins,
    TimeProvider clock)
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
            var known = existing.Select(e => ImportDuplicates.Print(e.Code, e.PetitionerName, e.VillageId, e.Text)).ToList();

            var rows = new List<ImportRow>();
            var dataRows = 0;
            while (MoveNext(rowEnumerator, out unreadable))
            {
                var (r, cells) = rowEnumerator.Current;
                if (map.Values.All(c => !cells.TryGetValue(c, out var cell) || cell.IsEmpty)) continue;
                if (map.TryGetValue("name", out var nameColumn) && cells.TryGetValue(nameColumn, out var nameCell) && ImportWorkbooks.IsExample(nameCell.Text)) continue;
                // Too long a list is refused whole; the rows past the limit are only counted, to say how many there are.
                if (++dataRows > MaxRows) continue;
                var (input, errors) = ImportRowReader.Read(cells, map, villages, dialogueId, VietnamTime.Today(clock));
                var check = await validator.ValidateAsync(input, ct);
                foreach (var e in check.Errors.Where(e => errors.All(x => x.Column != ImportRowReader.HeaderOf(e.PropertyName))))
                    errors.Add(new ImportError(ImportRowReader.HeaderOf(e.PropertyName), e.ErrorMessage));
                string? duplicate = null;
                if (errors.Count == 0)
                {
                    var print = ImportDuplicates.Print(CoreText.Format("Import.Row", r), input.PetitionerName, input.VillageId, input.Text);
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
        var number = await PetitionNumbers.LastAsync(db, dialogue, ct);
        var first = number + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        // Thousands of rows: one prepared insert and its audit entry per row, in this one transaction (all or nothing).
        // On PostgreSQL (a province's server, not a laptop) the rows go through SaveChanges, in the same transaction.
        using var insert = db.Database.IsSqlite() ? new BulkInsert<Petition>(db, actor, now) : null;
        var toTell = new List<Petition>();
        foreach (var row in toSave)
        {
            number++;
            var p = new Petition { DialogueId = dialogueId, Number = number, Code = PetitionCode.Format(dialogue.Year, number), CreatedAtUtc = now }; // received: a new petition's state
            PetitionService.Apply(p, row.Input);
            Consent.Record(p, now, actor.UserName);
            pins.Issue(p, now); // every petition has a PIN; its receipt, printed later, issues a new one
            if (p.WantsMessages())
            {
                p.NotifyChangedAtUtc = now;
                toTell.Add(p);
            }
            if (insert is not null) await insert.AddAsync(p, ct);
            else db.Petitions.Add(p);
        }
        // The petitioners who chose channels on the paper form are told theirs was received, in this transaction
        // (rows the bulk inserter wrote are not tracked: their events are the context's).
        foreach (var p in toTell)
        {
            if (insert is null) p.MarkReceived(now);
            else db.Raise(new PetitionReceived(p, now));
        }
        await db.SaveChangesAsync(actor, ct);
        await tx.CommitAsync(ct);
        return new ImportResult(toSave.Count, first, number);
    }
}
