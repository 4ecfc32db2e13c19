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
    private const double CellPadding = 0.710625;
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
            w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            w.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            w.WriteElement(Columns(layout));
            w.WriteStartElement(new SheetData());
            WriteTextRow(w, 1, [layout.Heading], StyleTitle);
            WriteTextRow(w, 2, [layout.Title], StyleTitle2);
            WriteTextRow(w, HeaderRow, layout.Headers, StyleHeader);
            // Reading the rows and writing the XML run side by side (two cores): a bounded channel between them keeps
            // memory flat whatever the number of rows.
            var channel = System.Threading.Channels.Channel.CreateBounded<IReadOnlyList<ReportCell>>(
                new System.Threading.Channels.BoundedChannelOptions(512) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(async () =>
            {
                try
                {
                    await foreach (var values in rows.WithCancellation(ct)) await channel.Writer.WriteAsync(values, ct);
                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.Complete(ex);
                }
            }, ct);
            var r = HeaderRow;
            while (await channel.Reader.WaitToReadAsync(ct))
                while (channel.Reader.TryRead(out var values))
                    WriteRow(w, ++r, values, layout.Headers.Count);
            await reading;
            if (r == HeaderRow) WriteTextRow(w, ++r, [XlsxReportWriter.NoData], StyleItalic);
            lastRow = r;
            w.WriteEndElement(); // sheetData
            w.WriteElement(new AutoFilter { Reference = $"A{HeaderRow}:{Column(layout.Headers.Count)}{Math.Max(lastRow, HeaderRow + 1)}" });
            // Printed for the Party committee and the People's Council: A4 landscape, one page wide, headers on every page.
            w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            w.WriteEndElement(); // worksheet
        }
        WritePart(zip, "xl/workbook.xml", Workbook(layout, lastRow));
    }

    private static Columns Columns(SheetLayout layout)
    {
        var cols = new Columns();
        for (var c = 0; c < layout.Widths.Count; c++)
        {
            // Widths in the file include the cell padding (5 px of Calibri 11), as ClosedXML and Excel write them.
            var col = new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = layout.Widths[c] + CellPadding, CustomWidth = true };
            if (layout.Widths[c] >= SheetLayout.MaxWidth) col.Style = StyleWrap;
            cols.Append(col);
        }
        return cols;
    }

    private static void WriteTextRow(OpenXmlWriter w, int row, IReadOnlyList<string> texts, uint style)
    {
        var cells = new CellWriter(w);
        w.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", row.ToString(CultureInfo.InvariantCulture))]);
        for (var c = 0; c < texts.Count; c++) cells.Text(c, row, texts[c], style);
        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, int row, IReadOnlyList<ReportCell> values, int columns)
    {
        var cells = new CellWriter(w);
        w.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", row.ToString(CultureInfo.InvariantCulture))]);
        for (var c = 0; c < columns && c < values.Count; c++)
        {
            var v = values[c];
            if (v.Date is { } d) cells.Number(c, row, d.ToDateTime(TimeOnly.MinValue).ToOADate(), StyleDate);
            else if (v.Number is { } n) cells.Number(c, row, n, 0);
            else if (v.Text is not null) cells.Text(c, row, v.Text, 0);
        }
        w.WriteEndElement();
    }

    // One instance of each element: the writer takes only their names from them, so 100,000 rows allocate no elements.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly DocumentFormat.OpenXml.Spreadsheet.Text TextElement = new();
    private static readonly CellValue ValueElement = new();

    /// <summary>Writes each cell as start tag, text, end tag: its attributes are the only allocation.</summary>
    private readonly struct CellWriter(OpenXmlWriter w)
    {
        public void Text(int column, int row, string text, uint style)
        {
            var clean = XlsxReportWriter.Clean(text);
            w.WriteStartElement(CellElement, style == 0
                ? [new OpenXmlAttribute("r", "", Reference(column, row)), new OpenXmlAttribute("t", "", "inlineStr")]
                : [new OpenXmlAttribute("r", "", Reference(column, row)), new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)), new OpenXmlAttribute("t", "", "inlineStr")]);
            w.WriteStartElement(InlineElement);
            if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1])))
                w.WriteStartElement(TextElement, [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
            else
                w.WriteStartElement(TextElement);
            w.WriteString(clean);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        public void Number(int column, int row, double value, uint style)
        {
            w.WriteStartElement(CellElement, style == 0
                ? [new OpenXmlAttribute("r", "", Reference(column, row))]
                : [new OpenXmlAttribute("r", "", Reference(column, row)), new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture))]);
            w.WriteStartElement(ValueElement);
            w.WriteString(value.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
        }
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
        }, new DefinedName($"'{sheet}'!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
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
