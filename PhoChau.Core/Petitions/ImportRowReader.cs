using System.Globalization;
using PhoChau.Core.Departments;
using PhoChau.Core.Text;

namespace PhoChau.Core.Petitions;

/// <summary>
/// A row of a village head's list read as a petition: names of kinds, channels and fields matched without accents,
/// villages by their folded names, dates and phone numbers as Excel may have turned them (a day number, a lost zero).
/// </summary>
internal static class ImportRowReader
{
    /// <summary>One row as a petition and what is wrong with it, column by column (the validator's checks come after).</summary>
    public static (PetitionInput Input, List<ImportError> Errors) Read(Dictionary<int, SheetCell> cells, Dictionary<string, int> map, List<(int Id, string Folded)> villages, int dialogueId, DateOnly today)
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
            Email = NullIfEmpty(Text("email")),
            ReceivedOn = today,
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
        foreach (var typed in Text("notify").Split([',', ';', '/', '+', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (VietnameseText.Fold(typed).Replace("-", "").Replace(" ", ""))
            {
                case "sms" or "tinnhan" or "tinnhansms": input.NotifyBySms = true; break;
                case "zalo": input.NotifyByZalo = true; break;
                case "email" or "thudientu" or "mail": input.NotifyByEmail = true; break;
                default: errors.Add(new ImportError(Header("notify"), CoreText.Format("Import.NotifyUnknown", typed))); break;
            }
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

    /// <summary>The column a validation message belongs under.</summary>
    public static string HeaderOf(string property) =>
        ImportColumn.All.FirstOrDefault(c => c.ModelProperty == property)?.Header ?? property;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
