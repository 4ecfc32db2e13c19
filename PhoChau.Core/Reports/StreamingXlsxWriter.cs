using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PhoChau.Core.Reports;

/// <summary>
/// Writes one sheet row by row with the OpenXML SDK's <see cref="OpenXmlWriter"/> into a zip written as it goes,
/// so a register of 100,000 petitions never exists in memory and can go straight to the browser (a response is
/// not seekable, which System.IO.Packaging needs; ZipArchive in create mode is not). What users see matches the
/// ClosedXML reports: title lines, bold filled headers that wrap, frozen header row, auto-filter, widths from the
/// content, dates as real dates shown dd/MM/yyyy, every text kept as text (inline strings: never a formula, never a
/// number, a leading zero kept).
/// </summary>
public static class StreamingXlsxWriter
{
    private const int HeaderRow = 4;
    private const uint StyleTitle = 1, StyleTitle2 = 2, StyleHeader = 3, StyleDate = 4, StyleWrap = 5, StyleItalic = 6;

    /// <summary>Writes synchronously to <paramref name="output"/> while reading the rows asynchronously.</summary>
    public static async Task WriteAsync(Stream output, SheetLayout layout, IAsyncEnumerable<IReadOnlyList<ReportCell>> rows, CancellationToken ct = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        WritePart(zip, "[Content_Types].xml", ContentTypes);
        WritePart(zip, "_rels/.rels", RootRelationships);
        WritePart(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
        WritePart(zip, "xl/styles.xml", Styles());

        int lastRow;
        using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var w = OpenXmlWriter.Create(entry, Encoding.UTF8))
        {
            w.WriteStartDocument(true);
            w.WriteStartElement(new Worksheet(), [], [new KeyValuePair<string, string>("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]);
            w.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            w.WriteElement(Columns(layout));
            w.WriteStartElement(new SheetData());
            WriteTextRow(w, 1, [layout.Heading], StyleTitle);
            WriteTextRow(w, 2, [layout.Title], StyleTitle2);
            WriteTextRow(w, HeaderRow, layout.Headers, StyleHeader);
            var r = HeaderRow;
            await foreach (var values in rows.WithCancellation(ct))
                WriteRow(w, ++r, values, layout.Headers.Count);
            if (r == HeaderRow) WriteTextRow(w, ++r, [XlsxReportWriter.NoData], StyleItalic);
            lastRow = r;
            w.WriteEndElement(); // sheetData
            w.WriteElement(new AutoFilter { Reference = $"A{HeaderRow}:{Column(layout.Headers.Count)}{Math.Max(lastRow, HeaderRow + 1)}" });
            w.WriteEndElement(); // worksheet
        }
        WritePart(zip, "xl/workbook.xml", Workbook(layout, lastRow));
    }

    private static Columns Columns(SheetLayout layout)
    {
        var cols = new Columns();
        for (var c = 0; c < layout.Widths.Count; c++)
        {
            var col = new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = layout.Widths[c], CustomWidth = true };
            if (layout.Widths[c] >= SheetLayout.MaxWidth) col.Style = StyleWrap;
            cols.Append(col);
        }
        return cols;
    }

    private static void WriteTextRow(OpenXmlWriter w, int row, IReadOnlyList<string> texts, uint style)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)row });
        for (var c = 0; c < texts.Count; c++) w.WriteElement(TextCell(Reference(c, row), texts[c], style));
        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, int row, IReadOnlyList<ReportCell> values, int columns)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)row });
        for (var c = 0; c < columns && c < values.Count; c++)
        {
            var v = values[c];
            if (v.Date is { } d)
                w.WriteElement(new Cell { CellReference = Reference(c, row), StyleIndex = StyleDate, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) });
            else if (v.Number is { } n)
                w.WriteElement(new Cell { CellReference = Reference(c, row), CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) });
            else if (v.Text is not null)
                w.WriteElement(TextCell(Reference(c, row), v.Text, 0));
        }
        w.WriteEndElement();
    }

    private static Cell TextCell(string reference, string text, uint style)
    {
        var clean = XlsxReportWriter.Clean(text);
        var t = new DocumentFormat.OpenXml.Spreadsheet.Text(clean);
        if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))) t.Space = SpaceProcessingModeValues.Preserve;
        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(t) };
        if (style != 0) cell.StyleIndex = style;
        return cell;
    }

    private static string Reference(int column, int row) => Column(column + 1) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>1 → A, 27 → AA.</summary>
    public static string Column(int number)
    {
        var s = "";
        for (; number > 0; number = (number - 1) / 26) s = (char)('A' + (number - 1) % 26) + s;
        return s;
    }

    /// <summary>The package's own parts (content types, relationships): fixed text.</summary>
    private static void WritePart(ZipArchive zip, string name, string xml)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(entry, new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        writer.Write(xml);
    }

    private static void WritePart(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var w = OpenXmlWriter.Create(entry, Encoding.UTF8);
        w.WriteStartDocument(true);
        w.WriteElement(root);
    }

    private static Workbook Workbook(SheetLayout layout, int lastRow)
    {
        var workbook = new Workbook();
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        workbook.Append(new Sheets(new Sheet { Name = layout.SheetName, SheetId = 1, Id = "rId1" }));
        // Excel keeps the auto-filter's range as a hidden name; LibreOffice and ClosedXML read it from there too.
        var sheet = layout.SheetName.Replace("'", "''");
        workbook.Append(new DefinedNames(new DefinedName($"'{sheet}'!$A${HeaderRow}:${Column(layout.Headers.Count)}${Math.Max(lastRow, HeaderRow + 1)}")
        {
            Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
        }));
        return workbook;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/MM/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2DCDB" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true }) { FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true }) { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
            new CellFormat { FontId = 3, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 7 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private const string ContentTypes = """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
          <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
        </Types>
        """;

    private const string RootRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """;

    private const string WorkbookRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """;
}
