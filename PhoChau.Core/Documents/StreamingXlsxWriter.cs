using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using System.Threading.Channels;
using System.Xml;

namespace PhoChau.Core.Documents;

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
        // The sheet itself with a plain XmlWriter: OpenXmlWriter's attribute lists and checks cost a third of the time of
        // a 100,000-row register (register-export); the fixed elements around the rows are the SDK's own XML.
        using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var w = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false }))
        {
            w.WriteStartDocument(true);
            w.WriteStartElement("worksheet", MainNamespace);
            w.WriteAttributeString("xmlns", "r", null, RelationshipsNamespace);
            WriteFixed(w, new SheetProperties(new PageSetupProperties { FitToPage = true }));
            WriteFixed(w, new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            WriteFixed(w, Columns(layout));
            w.WriteStartElement("sheetData", MainNamespace);
            var cells = new CellWriter(w);
            cells.TextRow(1, [layout.Heading], StyleTitle);
            cells.TextRow(2, [layout.Title], StyleTitle2);
            cells.TextRow(HeaderRow, layout.Headers, StyleHeader);
            // Reading the rows and writing the XML run side by side (two cores): a bounded channel between them keeps
            // memory flat whatever the number of rows.
            var channel = Channel.CreateBounded<IReadOnlyList<ReportCell>>(
                new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = true });
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
                    cells.Row(++r, values, layout.Headers.Count);
            await reading;
            if (r == HeaderRow) cells.TextRow(++r, [XlsxReportWriter.NoData], StyleItalic);
            lastRow = r;
            w.WriteEndElement(); // sheetData
            WriteFixed(w, new AutoFilter { Reference = $"A{HeaderRow}:{Column(layout.Headers.Count)}{Math.Max(lastRow, HeaderRow + 1)}" });
            // Printed for the Party committee and the People's Council: A4 landscape, one page wide, headers on every page.
            WriteFixed(w, new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            WriteFixed(w, new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            w.WriteEndElement(); // worksheet
            w.WriteEndDocument();
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

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>An element around the rows, as the OpenXML SDK writes it (its own prefix and namespace).</summary>
    private static void WriteFixed(XmlWriter w, OpenXmlElement element) => w.WriteRaw(element.OuterXml);

    /// <summary>Rows and cells written as tags and text; a cell's reference is written in pieces, never built as a string.</summary>
    private readonly struct CellWriter(XmlWriter w)
    {
        private static readonly string[] Letters = Enumerable.Range(1, 64).Select(Column).ToArray();
        private static readonly string[] Styles = Enumerable.Range(0, 8).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        public void TextRow(int row, IReadOnlyList<string> texts, uint style)
        {
            StartRow(row);
            for (var c = 0; c < texts.Count; c++) Text(c, row, texts[c], style);
            w.WriteEndElement();
        }

        public void Row(int row, IReadOnlyList<ReportCell> values, int columns)
        {
            StartRow(row);
            for (var c = 0; c < columns && c < values.Count; c++)
            {
                var v = values[c];
                if (v.Date is { } d) Number(c, row, d.ToDateTime(TimeOnly.MinValue).ToOADate(), StyleDate);
                else if (v.Number is { } n) Number(c, row, n, 0);
                else if (v.Text is not null) Text(c, row, v.Text, 0);
            }
            w.WriteEndElement();
        }

        private void StartRow(int row)
        {
            w.WriteStartElement("row", MainNamespace);
            w.WriteStartAttribute("r");
            w.WriteValue(row);
            w.WriteEndAttribute();
        }

        private void StartCell(int column, int row, uint style)
        {
            w.WriteStartElement("c", MainNamespace);
            w.WriteStartAttribute("r");
            w.WriteString(column < Letters.Length ? Letters[column] : Column(column + 1));
            w.WriteValue(row);
            w.WriteEndAttribute();
            if (style != 0) w.WriteAttributeString("s", Styles[style]);
        }

        public void Text(int column, int row, string text, uint style)
        {
            var clean = XlsxReportWriter.Clean(text);
            StartCell(column, row, style);
            w.WriteAttributeString("t", "inlineStr");
            w.WriteStartElement("is", MainNamespace);
            w.WriteStartElement("t", MainNamespace);
            if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1])))
                w.WriteAttributeString("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
            w.WriteString(clean);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        public void Number(int column, int row, double value, uint style)
        {
            StartCell(column, row, style);
            w.WriteStartElement("v", MainNamespace);
            w.WriteValue(value);
            w.WriteEndElement();
            w.WriteEndElement();
        }
    }

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
