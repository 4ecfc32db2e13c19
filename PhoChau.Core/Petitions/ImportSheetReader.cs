using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace PhoChau.Core.Petitions;

/// <summary>One cell as the import sees it: its text, its number when it is one, and whether its format is a date's.</summary>
public readonly record struct SheetCell(string Text, double? Number, bool IsDate)
{
    public bool IsEmpty => string.IsNullOrEmpty(Text) && Number is null;
}

/// <summary>
/// Reads the first sheet of an .xlsx row by row: the OpenXML SDK opens the package and finds the parts, an XmlReader
/// streams the sheet. No workbook model, so a list of 5,000 rows costs little memory; only the shared strings and the
/// cell formats are held (they are what the rows refer to).
/// </summary>
public sealed class ImportSheetReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly List<string> _sharedStrings = [];
    private readonly List<bool> _dateFormats = [];

    private ImportSheetReader(SpreadsheetDocument document)
    {
        _document = document;
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        _sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
        if (workbook.SharedStringTablePart is { } strings) ReadSharedStrings(strings);
        if (workbook.WorkbookStylesPart?.Stylesheet is { } styles) ReadDateFormats(styles);
    }

    /// <summary>Opens a seekable stream; throws (InvalidDataException, OpenXmlPackageException…) when it is not a readable .xlsx.</summary>
    public static ImportSheetReader Open(Stream xlsx) => new(SpreadsheetDocument.Open(xlsx, false));

    /// <summary>The rows that hold something, in order: their number and their cells by column (1 = A).</summary>
    public IEnumerable<(int Row, Dictionary<int, SheetCell> Cells)> Rows()
    {
        // A plain XmlReader over the sheet's part: OpenXmlReader would build an element object for every node.
        using var stream = _sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreComments = true, IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        var rowNumber = 0;
        Dictionary<int, SheetCell>? cells = null;
        int column = 0, style = 0;
        string? type = null;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row")
            {
                if (cells is { Count: > 0 }) yield return (rowNumber, cells);
                cells = null;
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "row":
                    rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                    cells = [];
                    column = 0;
                    if (xml.IsEmptyElement) cells = null;
                    break;
                case "c":
                    var reference = xml.GetAttribute("r");
                    column = reference is null ? column + 1 : ColumnOf(reference);
                    type = xml.GetAttribute("t");
                    style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var st) ? st : 0;
                    break;
                case "v" when cells is not null:
                    cells[column] = Value(xml.ReadElementContentAsString(), type, style);
                    break;
                case "is" when cells is not null:
                    cells[column] = new SheetCell(RichText(xml), null, false);
                    break;
            }
        }
    }

    private SheetCell Value(string value, string? type, int style) => type switch
    {
        "s" => new SheetCell(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : "", null, false),
        "str" or "e" or "inlineStr" => new SheetCell(value, null, false),
        "b" => new SheetCell(value == "1" ? "TRUE" : "FALSE", null, false),
        _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? new SheetCell(value, n, style < _dateFormats.Count && _dateFormats[style])
            : new SheetCell(value, null, false),
    };

    /// <summary>The text of an &lt;is&gt; or &lt;si&gt; element: its &lt;t&gt; parts, rich-text runs included, phonetic hints left out.</summary>
    private static string RichText(XmlReader xml)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        string? single = null;
        StringBuilder? many = null;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "rPh") { xml.Skip(); continue; }
            if (xml.LocalName != "t") continue;
            var part = xml.ReadElementContentAsString();
            if (single is null && many is null) single = part;
            else (many ??= new StringBuilder(single)).Append(part);
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
        }
        return many?.ToString() ?? single ?? "";
    }

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreComments = true, IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                _sharedStrings.Add(RichText(xml));
    }

    /// <summary>Which cell formats show a date: the built-in date formats, or a custom one with day, month or year parts.</summary>
    private void ReadDateFormats(Stylesheet styles)
    {
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId?.Value ?? 0, f => f.FormatCode?.Value ?? "") ?? [];
        foreach (var format in styles.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            _dateFormats.Add(id is >= 14 and <= 22 or >= 45 and <= 47 || (custom.TryGetValue(id, out var code) && IsDateCode(code)));
        }
    }

    private static bool IsDateCode(string code)
    {
        var unquoted = Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return unquoted.IndexOfAny(['d', 'y', 'D', 'Y']) >= 0 || (unquoted.Contains('m') && !unquoted.Contains('0'));
    }

    /// <summary>"C12" → 3.</summary>
    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            column = column * 26 + (ch - 'A' + 1);
        }
        return column;
    }

    public void Dispose() => _document.Dispose();
}
