using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using PhoChau.Core.Auditing;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Documents;

namespace PhoChau.Core.Records;

/// <summary>
/// One line of the commune's outgoing register (sổ văn bản đi, Decree 30/2020 art. 15 and Appendix IV): the number a
/// document was issued with, in the year's series, its date, what it is about, and which dialogue's paper it is.
/// </summary>
public class OutgoingEntry : ICommuneOwned, IAudited
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>The series the number runs in: "" for one series a year, the symbol ("TB-UBND") for one per kind.</summary>
    public string Series { get; set; } = "";
    public int Number { get; set; }
    /// <summary>What follows the number ("TB-UBND").</summary>
    public string Symbol { get; set; } = "";
    public string NumberAndSymbol { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    /// <summary>The dialogue's paper this number went to, or null for a document recorded by hand (issued elsewhere).</summary>
    public DocumentKind? Kind { get; set; }
    public int? DialogueId { get; set; }
    /// <summary>Trích yếu: what the document is about.</summary>
    public string Summary { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
}

internal sealed class OutgoingEntryConfiguration : IEntityTypeConfiguration<OutgoingEntry>
{
    public void Configure(EntityTypeBuilder<OutgoingEntry> e)
    {
        e.ToTable("OutgoingRegister");
        e.Property(x => x.Series).HasMaxLength(30);
        e.Property(x => x.Symbol).HasMaxLength(30);
        e.Property(x => x.NumberAndSymbol).HasMaxLength(60);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.CommuneId, x.Year, x.Series, x.Number }).IsUnique(); // one number, one document
        e.HasIndex(x => new { x.DialogueId, x.Kind });
        e.HasOne<Dialogue>().WithMany().HasForeignKey(x => x.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>How the commune numbers its documents (Documents:Numbering): one series a year, or one per kind (symbol).</summary>
public sealed class NumberingOptions
{
    /// <summary>"Year" (default: 01, 02 … for every document of the year) or "Kind" (a series per symbol: TB-UBND, KH-UBND …).</summary>
    public string Numbering { get; set; } = "Year";
    public bool ByKind => string.Equals(Numbering, "Kind", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A number and date proposed for a paper: the one it was issued with, the plan's own, or the year's next.</summary>
public sealed record SuggestedNumber(string NumberAndSymbol, DateOnly Date);

/// <summary>
/// Issue 33.2: the commune's outgoing register. Every paper the portal issues takes its number here (the plan, the
/// announcement, the minutes, the notice, the report), a number is never given twice in a year's series, a correction
/// keeps its paper's number, and documents issued elsewhere are recorded by hand so the series stays whole.
/// </summary>
public sealed partial class OutgoingRegisterService(IDbContextFactory<PhoChauDbContext> dbFactory, IOptions<NumberingOptions> options, TimeProvider clock)
{
    /// <summary>The symbol a dialogue's paper carries after its number.</summary>
    public static string SymbolOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Minutes => "BB-UBND",
        DocumentKind.Plan => "KH-UBND",
        DocumentKind.ResultsReport => "BC-UBND",
        _ => "TB-UBND",
    };

    /// <summary>The summary (trích yếu) a dialogue's paper is registered with.</summary>
    public static string SummaryOf(DocumentKind kind, string dialogueTitle) => kind switch
    {
        DocumentKind.Minutes => "Biên bản đối thoại",
        DocumentKind.Notice => "Thông báo kết luận đối thoại",
        DocumentKind.ResultsReport => "Báo cáo kết quả đối thoại",
        DocumentKind.Plan => "Kế hoạch đối thoại",
        _ => "Thông báo tổ chức đối thoại",
    } + ": " + dialogueTitle;

    /// <summary>"05/TB-UBND" → (5, "TB-UBND"); null when it does not start with a number and a slash.</summary>
    public static (int Number, string Symbol)? Parse(string? numberAndSymbol)
    {
        var m = NumberPattern().Match((numberAndSymbol ?? "").Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100_000
            ? (n, m.Groups[2].Value.Trim())
            : null;
    }

    public static string Format(int number, string symbol) => string.Create(CultureInfo.InvariantCulture, $"{number:00}/{symbol}");

    private string SeriesOf(string symbol) => options.Value.ByKind ? symbol.ToUpperInvariant() : "";

    /// <summary>The year's register, in the order of its numbers (each series in turn when numbered by kind).</summary>
    public async Task<IReadOnlyList<OutgoingEntry>> ListAsync(Actor actor, int year, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutgoingRegister.AsNoTracking().Where(x => x.Year == year).OrderBy(x => x.Series).ThenBy(x => x.Number).ToListAsync(ct);
    }

    /// <summary>The years that have a register, newest first, with this year always there.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var years = await db.OutgoingRegister.AsNoTracking().Select(x => x.Year).Distinct().ToListAsync(ct);
        return years.Append(VietnamTime.Today(clock).Year).Distinct().OrderDescending().ToList();
    }

    /// <summary>
    /// What the issuing page proposes for a dialogue's paper: the number it was already issued with (a correction keeps
    /// it); for the plan, the number and date typed on the dialogue when it has one; otherwise the next number of the year.
    /// </summary>
    public async Task<SuggestedNumber> SuggestAsync(int dialogueId, DocumentKind kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = VietnamTime.Today(clock);
        var taken = await db.OutgoingRegister.AsNoTracking().Where(x => x.DialogueId == dialogueId && x.Kind == kind)
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (taken is not null) return new SuggestedNumber(taken.NumberAndSymbol, taken.IssuedOn);
        if (kind == DocumentKind.Plan && await db.Dialogues.AsNoTracking().Where(d => d.Id == dialogueId).Select(d => new { d.PlanNumber, d.PlanDate }).SingleOrDefaultAsync(ct)
                is { PlanNumber: { } typed } plan && Parse(typed) is not null)
            return new SuggestedNumber(typed.Trim(), plan.PlanDate ?? today);
        var symbol = SymbolOf(kind);
        return new SuggestedNumber(Format(await NextAsync(db, today.Year, SeriesOf(symbol), ct), symbol), today);
    }

    private static async Task<int> NextAsync(PhoChauDbContext db, int year, string series, CancellationToken ct) =>
        (await db.OutgoingRegister.Where(x => x.Year == year && x.Series == series).MaxAsync(x => (int?)x.Number, ct) ?? 0) + 1;

    /// <summary>A document issued elsewhere, recorded by hand so the year's numbers stay in order.</summary>
    public async Task<OutgoingEntry> RecordAsync(Actor actor, string? numberAndSymbol, DateOnly issuedOn, string? summary, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        if (string.IsNullOrWhiteSpace(summary) || summary.Trim().Length > 500) throw DomainException.ForField(nameof(OutgoingEntry.Summary), CoreText.Get("Register.SummaryRequired"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await TakeAsync(db, actor, null, null, numberAndSymbol, issuedOn, ct, summary.Trim());
        await db.SaveChangesAsync(actor, ct);
        return entry;
    }

    /// <summary>
    /// The register's line for a paper being issued, in the caller's unsaved context: the line it already has with this
    /// number (a correction), or a new one; a number another document of the year's series holds is refused, naming it.
    /// A dialogue's paper is summarised from its kind and its dialogue's title; a document recorded by hand gives its own.
    /// </summary>
    /// <summary>The field a refused number is said under (the number and symbol typed, e.g. "05/KH-UBND").</summary>
    public const string NumberField = nameof(OutgoingEntry.NumberAndSymbol);

    internal async Task<OutgoingEntry> TakeAsync(PhoChauDbContext db, Actor actor, int? dialogueId, DocumentKind? kind, string? numberAndSymbol,
        DateOnly issuedOn, CancellationToken ct, string? summary = null)
    {
        if (Parse(numberAndSymbol) is not { } parsed || parsed.Symbol.Length is 0 or > 30)
            throw DomainException.ForField(NumberField, CoreText.Get("Issuing.NumberRequired"));
        var (number, symbol) = parsed;
        var text = Format(number, symbol);
        var series = SeriesOf(symbol);
        if (dialogueId is not null)
        {
            var own = await db.OutgoingRegister.FirstOrDefaultAsync(x => x.DialogueId == dialogueId && x.Kind == kind && x.Year == issuedOn.Year
                                                                          && x.Series == series && x.Number == number && x.NumberAndSymbol == text, ct);
            if (own is not null) return own; // a corrected version keeps its paper's number
        }
        var holder = await db.OutgoingRegister.AsNoTracking().FirstOrDefaultAsync(x => x.Year == issuedOn.Year && x.Series == series && x.Number == number, ct);
        if (holder is not null)
            throw DomainException.ForField(NumberField, CoreText.Format("Register.NumberTaken", number.ToString("00", CultureInfo.InvariantCulture), issuedOn.Year,
                holder.NumberAndSymbol, holder.Summary, holder.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Format(await NextAsync(db, issuedOn.Year, series, ct), symbol)));
        if (summary is null && dialogueId is { } id && kind is { } k)
            summary = SummaryOf(k, await db.Dialogues.AsNoTracking().Where(x => x.Id == id).Select(x => x.Title).SingleAsync(ct));
        summary ??= "";
        var entry = new OutgoingEntry
        {
            Year = issuedOn.Year, Series = series, Number = number, Symbol = symbol, NumberAndSymbol = text, IssuedOn = issuedOn,
            Kind = kind, DialogueId = dialogueId, Summary = summary.Length > 500 ? summary[..500] : summary,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = actor.UserName,
        };
        db.OutgoingRegister.Add(entry);
        return entry;
    }

    /// <summary>The year's register as a workbook (A4 landscape), for the archives and the district.</summary>
    public async Task ExportAsync(Actor actor, int year, Stream output, CancellationToken ct = default)
    {
        var rows = await ListAsync(actor, year, ct);
        XlsxReportWriter.Write(output, $"SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM {year}",
        [
            new ReportTable("Sổ văn bản đi", $"SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM {year}", ["Số, ký hiệu", "Ngày ban hành", "Trích yếu nội dung", "Người ghi sổ"],
                rows.Select(r => (IReadOnlyList<ReportCell>)[r.NumberAndSymbol, (DateOnly?)r.IssuedOn, r.Summary, r.RecordedBy]).ToList()),
        ]);
    }

    [GeneratedRegex(@"^(\d{1,5})\s*/\s*(\S.*)$")]
    private static partial Regex NumberPattern();
}
