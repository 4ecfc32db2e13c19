using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
// The drawing parts share names with the document's (Table, Paragraph): each under its own short alias.
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
// "Text" alone is this project's PhoChau.Core.Text namespace.
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PhoChau.Core.Documents;

/// <summary>
/// Writes an <see cref="AdministrativeDocument"/> as .docx with the OpenXML SDK 2.20 that ClosedXML brings:
/// A4, margins 20/20/30/15 mm, Times New Roman 14 pt body, the national title and motto beside the issuing
/// body, the place-and-date line, the recipients in 12/11 pt and the chair's signature block.
/// </summary>
public static class DocxWriter
{
    private const string Font = "Times New Roman";
    private const int BodySize = 28, Size13 = 26, Size12 = 24, Size11 = 22; // half-points

    public static void Write(Stream output, AdministrativeDocument doc)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        AddStyles(main);
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
        }));
        var body = new Body();
        body.Append(HeaderTable(doc));
        body.Append(Para(doc.Title, JustificationValues.Center, bold: true, size: BodySize, spaceBefore: 240));
        if (doc.Subtitle.Length > 0) body.Append(Para(doc.Subtitle, JustificationValues.Center, bold: true, size: BodySize, spaceAfter: 240));
        foreach (var line in doc.Body)
            body.Append(Para(line, JustificationValues.Both, bold: doc.IsHeading(line), size: BodySize, firstLineIndent: 567, spaceAfter: 60));
        if (doc.QrCode is { } qr) body.Append(ImageParagraph(main, QrCodes.Png(qr, 10), doc.QrMillimetres));
        body.Append(SignatureTable(doc));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 720U, Footer = 720U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = BodySize.ToString() }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    private static Table HeaderTable(AdministrativeDocument doc)
    {
        var left = new List<Paragraph>();
        if (doc.SuperiorBody.Length > 0) left.Add(Para(doc.SuperiorBody.ToUpperInvariant(), JustificationValues.Center, size: Size13));
        left.Add(Para(doc.IssuingBody.ToUpperInvariant(), JustificationValues.Center, bold: true, size: Size13));
        left.Add(Para("", JustificationValues.Center, size: Size13));
        left.Add(Para("Số: " + doc.NumberAndSymbol, JustificationValues.Center, size: Size13));
        var right = new List<Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", JustificationValues.Center, bold: true, size: Size12),
            Para("Độc lập - Tự do - Hạnh phúc", JustificationValues.Center, bold: true, size: Size13, underline: true),
            Para("", JustificationValues.Center, size: Size13),
            Para($"{doc.PlaceName}, {DateLine(doc.Date)}", JustificationValues.Center, italic: true, size: BodySize),
        };
        return TwoColumns(left, right, 3600, 5700);
    }

    private static Table SignatureTable(AdministrativeDocument doc)
    {
        var left = new List<Paragraph> { Para("", JustificationValues.Left, size: Size12) };
        if (doc.LeftSignatureTitle is { Length: > 0 } leftTitle)
        {
            // Minutes are signed by the secretary (left) and the chair (right).
            left.Add(Para(leftTitle, JustificationValues.Center, bold: true, size: BodySize));
            for (var i = 0; i < 4; i++) left.Add(Para("", JustificationValues.Center, size: BodySize));
            left.Add(Para(doc.LeftSignerName ?? "", JustificationValues.Center, bold: true, size: BodySize));
        }
        else if (doc.Recipients.Count > 0)
        {
            left.Add(Para("Nơi nhận:", JustificationValues.Left, bold: true, italic: true, size: Size12));
            left.AddRange(doc.Recipients.Select((r, i) => Para($"- {r}{(i == doc.Recipients.Count - 1 ? "." : ";")}", JustificationValues.Left, size: Size11)));
        }
        var right = new List<Paragraph>
        {
            Para("", JustificationValues.Center, size: BodySize),
            Para(doc.SignatureAuthority, JustificationValues.Center, bold: true, size: BodySize),
        };
        if (doc.SignatureTitle.Length > 0) right.Add(Para(doc.SignatureTitle, JustificationValues.Center, bold: true, size: BodySize));
        for (var i = 0; i < 4; i++) right.Add(Para("", JustificationValues.Center, size: BodySize));
        right.Add(Para(doc.SignerName, JustificationValues.Center, bold: true, size: BodySize));
        return TwoColumns(left, right, 4650, 4650);
    }

    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int leftWidth, int rightWidth)
    {
        // Schema order: top, left, bottom, right, insideH, insideV.
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new Table(new TableProperties(new TableWidth { Width = (leftWidth + rightWidth).ToString(), Type = TableWidthUnitValues.Dxa }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = leftWidth.ToString() }, new GridColumn { Width = rightWidth.ToString() }));
        table.Append(new TableRow(Cell(left, leftWidth), Cell(right, rightWidth)));
        return table;
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Para(string text, JustificationValues align, bool bold = false, bool italic = false, int size = BodySize,
        bool underline = false, int firstLineIndent = 0, int spaceBefore = 0, int spaceAfter = 0)
    {
        var pPr = new ParagraphProperties();
        if (spaceBefore > 0 || spaceAfter > 0) pPr.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(), After = spaceAfter.ToString() });
        if (firstLineIndent > 0) pPr.Append(new Indentation { FirstLine = firstLineIndent.ToString() });
        pPr.Append(new Justification { Val = align });
        var rPr = new RunProperties();
        rPr.Append(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold) rPr.Append(new Bold());
        if (italic) rPr.Append(new Italic());
        // Schema order: sz before u.
        rPr.Append(new FontSize { Val = size.ToString() });
        if (underline) rPr.Append(new Underline { Val = UnderlineValues.Single });
        var paragraph = new Paragraph(pPr);
        var run = new Run(rPr);
        var lines = XlsxReportWriter.Clean(text).Replace("\t", " ").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new W.Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>An inline picture (DrawingML), centred: the smallest markup Word and LibreOffice both open.</summary>
    private static Paragraph ImageParagraph(MainDocumentPart main, byte[] png, int millimetres)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var ms = new MemoryStream(png)) part.FeedData(ms);
        var relId = main.GetIdOfPart(part);
        long emu = millimetres * 36000L;
        var graphic = new A.Graphic(new A.GraphicData(
            new Pic.Picture(
                new Pic.NonVisualPictureProperties(
                    new Pic.NonVisualDrawingProperties { Id = 0U, Name = "qr.png" },
                    new Pic.NonVisualPictureDrawingProperties()),
                new Pic.BlipFill(
                    new A.Blip { Embed = relId },
                    new A.Stretch(new A.FillRectangle())),
                new Pic.ShapeProperties(
                    new A.Transform2D(
                        new A.Offset { X = 0L, Y = 0L },
                        new A.Extents { Cx = emu, Cy = emu }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new Dw.Inline(
            new Dw.Extent { Cx = emu, Cy = emu },
            new Dw.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new Dw.DocProperties { Id = 1U, Name = "QR" },
            new Dw.NonVisualGraphicFrameDrawingProperties(
                new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120" }, new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }

    private static string DateLine(DateOnly? date) =>
        date is { } d ? $"ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : "ngày      tháng      năm";
}
