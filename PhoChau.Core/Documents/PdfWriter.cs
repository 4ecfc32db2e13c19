using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PhoChau.Core.Documents.Signing;
using System.Globalization;

namespace PhoChau.Core.Documents;

/// <summary>
/// Writes an <see cref="AdministrativeDocument"/> as PDF with PDFsharp, in the layout <see cref="DocxWriter"/> gives the
/// .docx (Decree 30/2020, Appendix I): A4, margins 20/20/30/15 mm, 14 pt body justified with a 1 cm first line, the
/// national title and motto beside the issuing body (each with its short rule below), the place-and-date line, the
/// recipients in 12/11 pt, the signature block kept on one page, page numbers from the second page. Text is written
/// with Unicode encoding, so readers and pdftotext get the Vietnamese letters back as they were.
/// </summary>
public static class PdfWriter
{
    private const double BodySize = 14, Size13 = 13, Size12 = 12, Size11 = 11;
    private const double LineFactor = 1.1; // the .docx's line spacing (264/240)
    private static double Mm(double mm) => mm * 72 / 25.4;

    private static readonly double PageWidth = Mm(210), PageHeight = Mm(297);
    private static readonly double Top = Mm(20), Bottom = PageHeight - Mm(20), Left = Mm(30), Right = PageWidth - Mm(15);
    private static double Width => Right - Left;

    /// <summary>Writes the PDF; returns where the signature and seal go (the room between the signer's title and name).</summary>
    public static PdfBox Write(Stream output, AdministrativeDocument doc)
    {
        PdfFonts.Install();
        using var pdf = new PdfDocument();
        pdf.Info.Title = Normal(doc.Title + (doc.Subtitle.Length > 0 ? " - " + doc.Subtitle : ""));
        pdf.Info.Author = Normal(doc.IssuingBody);
        pdf.Info.Creator = "PhoChau";
        var page = new Pages(pdf);

        // Header: issuing body (left) and the national title and motto (right), side by side.
        var leftWidth = Width * 3600 / 9300;
        var rightWidth = Width - leftWidth;
        var y = Top;
        var ly = y;
        if (doc.SuperiorBody.Length > 0) ly = page.Centered(doc.SuperiorBody.ToUpperInvariant(), Font(Size13), Left, leftWidth, ly);
        var issuing = Font(Size13, bold: true);
        ly = page.Centered(page.Heading(doc.IssuingBody.ToUpperInvariant(), issuing, leftWidth), issuing, Left, leftWidth, ly, rule: 1.0 / 3);
        ly += Line(Font(Size13)) * 0.5;
        ly = page.Centered("Số: " + doc.NumberAndSymbol, Font(Size13), Left, leftWidth, ly);
        var ry = page.Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Font(Size12, bold: true), Left + leftWidth, rightWidth, y);
        ry = page.Centered("Độc lập - Tự do - Hạnh phúc", Font(Size13, bold: true), Left + leftWidth, rightWidth, ry, rule: 1.0);
        ry += Line(Font(Size13)) * 0.5;
        ry = page.Centered($"{doc.PlaceName}, {DateLine(doc.Date)}", Font(BodySize, italic: true), Left + leftWidth, rightWidth, ry);
        page.Y = Math.Max(ly, ry) + 12;

        page.Paragraph(doc.Title, Font(BodySize, bold: true), Align.Center);
        if (doc.Subtitle.Length > 0) page.Paragraph(doc.Subtitle, Font(BodySize, bold: true), Align.Center);
        page.Y += 12;
        foreach (var line in doc.Body)
        {
            page.Paragraph(line, Font(BodySize, bold: doc.IsHeading(line)), Align.Justify, firstIndent: Mm(10));
            page.Y += 3;
        }
        if (doc.QrCode is { } qr) page.Qr(qr, Mm(doc.QrMillimetres));
        var signature = page.Signature(doc, Width / 2);
        if (doc.Verification is { } v) page.Verification(v);
        page.Number();
        pdf.Save(output, closeStream: false);
        return signature;
    }

    private enum Align { Left, Center, Justify }

    private static XFont Font(double size, bool bold = false, bool italic = false) =>
        new(PdfFonts.Family, size, (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic, (true, false) => XFontStyleEx.Bold, (false, true) => XFontStyleEx.Italic, _ => XFontStyleEx.Regular,
        }, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static double Line(XFont font) => font.Size * LineFactor * 1.15;

    /// <summary>Precomposed letters (NFC): the fonts have a glyph for each Vietnamese letter, not for every combination of marks.</summary>
    private static string Normal(string s) => XlsxReportWriter.Clean(s).Replace("\t", " ").Normalize(NormalizationForm.FormC);

    private static string DateLine(DateOnly? date) =>
        date is { } d ? $"ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : "ngày      tháng      năm";

    /// <summary>The pages as they are filled: a cursor, a new page when the next line would cross the bottom margin.</summary>
    private sealed class Pages(PdfDocument pdf)
    {
        private readonly List<(PdfPage Page, XGraphics G)> _pages = [];
        public double Y { get; set; } = Top;
        private XGraphics G => _pages.Count == 0 ? NewPage().G : _pages[^1].G;

        private (PdfPage Page, XGraphics G) NewPage()
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            var entry = (page, XGraphics.FromPdfPage(page));
            _pages.Add(entry);
            Y = Top;
            return entry;
        }

        private void Room(double height)
        {
            if (_pages.Count == 0) NewPage();
            else if (Y + height > Bottom) NewPage();
        }

        /// <summary>
        /// "ỦY BAN NHÂN DÂN XÃ PHỔ CHÂU" is wider than its column: broken after "ỦY BAN NHÂN DÂN", as such headings are
        /// printed, rather than wherever the last word falls.
        /// </summary>
        public string Heading(string body, XFont font, double width)
        {
            const string committee = "ỦY BAN NHÂN DÂN ";
            if (!body.StartsWith(committee, StringComparison.Ordinal)) return body;
            return G.MeasureString(Normal(body), font).Width <= width ? body : committee.TrimEnd() + "\n" + body[committee.Length..];
        }

        /// <summary>One line (or a short wrapped text) centred in a column; optionally a rule under it, a fraction of its width.</summary>
        public double Centered(string text, XFont font, double x, double width, double y, double rule = 0)
        {
            _ = G;
            text = Normal(text);
            // A line that fits is drawn as it is: "Số:       /BB-UBND" keeps the blank left for the number.
            var lines = !text.Contains('\n') && G.MeasureString(text, font).Width <= width
                ? [new WrappedLine([text], text)]
                : Wrap(text, font, width, 0);
            foreach (var line in lines)
            {
                var w = G.MeasureString(line.Text, font).Width;
                G.DrawString(line.Text, font, XBrushes.Black, new XRect(x, y, width, Line(font)), XStringFormats.TopCenter);
                y += Line(font);
                if (rule > 0 && line == lines[^1]) // under the last line only
                {
                    var len = w * rule;
                    G.DrawLine(new XPen(XColors.Black, 0.6), x + (width - len) / 2, y - 1, x + (width + len) / 2, y - 1);
                }
            }
            return y;
        }

        public void Paragraph(string text, XFont font, Align align, double firstIndent = 0, double x = -1, double width = -1)
        {
            if (x < 0) x = Left;
            if (width < 0) width = Width;
            var lines = Wrap(Normal(text), font, width, firstIndent);
            for (var i = 0; i < lines.Count; i++)
            {
                Room(Line(font));
                var (words, content) = (lines[i].Words, lines[i].Text);
                var indent = i == 0 ? firstIndent : 0;
                var last = i == lines.Count - 1;
                if (align == Align.Center)
                    G.DrawString(content, font, XBrushes.Black, new XRect(x, Y, width, Line(font)), XStringFormats.TopCenter);
                else if (align == Align.Justify && !last && words.Count > 1)
                {
                    // The gap shared out between the words; each word drawn at its place (the last line stays left).
                    var widths = words.Select(w => G.MeasureString(w, font).Width).ToList();
                    var gap = (width - indent - widths.Sum()) / (words.Count - 1);
                    var wx = x + indent;
                    for (var k = 0; k < words.Count; k++)
                    {
                        G.DrawString(words[k], font, XBrushes.Black, new XRect(wx, Y, width, Line(font)), XStringFormats.TopLeft);
                        wx += widths[k] + gap;
                    }
                }
                else
                    G.DrawString(content, font, XBrushes.Black, new XRect(x + indent, Y, width, Line(font)), XStringFormats.TopLeft);
                Y += Line(font);
            }
        }

        public void Qr(string text, double size)
        {
            Room(size + 12);
            DrawQr(G, text, Left + (Width - size) / 2, Y + 6, size);
            Y += size + 12;
        }

        /// <summary>Drawn as squares: sharp at any print size, and no image format to decode.</summary>
        private static void DrawQr(XGraphics g, string text, double x, double y, double size)
        {
            var matrix = QrCodes.Modules(text);
            var module = size / matrix.Count;
            for (var r = 0; r < matrix.Count; r++)
            for (var c = 0; c < matrix[r].Count; c++)
                if (matrix[r][c]) g.DrawRectangle(XBrushes.Black, x + c * module, y + r * module, module * 1.02, module * 1.02);
        }

        /// <summary>
        /// The signature block: recipients (or the secretary's signature on the minutes) on the left, the authority, the
        /// signer's title, the room for the signature and seal, and the name on the right; never split over two pages.
        /// </summary>
        public PdfBox Signature(AdministrativeDocument doc, double column)
        {
            var body = Font(BodySize, bold: true);
            var rightLines = 2 + (doc.SignatureTitle.Length > 0 ? 1 : 0) + 4 + 1;
            var leftLines = doc.LeftSignatureTitle is { Length: > 0 } ? 7 : doc.Recipients.Count + 2;
            var height = Math.Max(rightLines * Line(body), leftLines * Line(Font(Size12)) + 4);
            Room(height);
            var top = Y + Line(body) * 0.5;
            var y = top;
            if (doc.LeftSignatureTitle is { Length: > 0 } leftTitle)
            {
                y = Centered(leftTitle, body, Left, column, y);
                y += 4 * Line(body);
                Centered(doc.LeftSignerName ?? "", body, Left, column, y);
            }
            else if (doc.Recipients.Count > 0)
            {
                var heading = Font(Size12, bold: true, italic: true);
                G.DrawString("Nơi nhận:", heading, XBrushes.Black, new XRect(Left, y, column, Line(heading)), XStringFormats.TopLeft);
                y += Line(heading);
                var small = Font(Size11);
                for (var i = 0; i < doc.Recipients.Count; i++)
                {
                    var r = Normal($"- {doc.Recipients[i]}{(i == doc.Recipients.Count - 1 ? "." : ";")}");
                    G.DrawString(r, small, XBrushes.Black, new XRect(Left, y, column, Line(small)), XStringFormats.TopLeft);
                    y += Line(small);
                }
            }
            var ry = Centered(doc.SignatureAuthority, body, Left + column, column, top);
            if (doc.SignatureTitle.Length > 0) ry = Centered(doc.SignatureTitle, body, Left + column, column, ry);
            var room = 4 * Line(body);
            var box = new PdfBox(_pages.Count - 1, Left + column, PageHeight - ry - room, column, room); // PDF points, from the bottom
            ry += room;
            ry = Centered(doc.SignerName, body, Left + column, column, ry);
            Y = Math.Max(y, ry);
            return box;
        }

        /// <summary>In the first page's bottom margin: the QR code of the public check and its code, for a citizen holding the paper.</summary>
        public void Verification(DocumentVerification v)
        {
            var g = _pages[0].G;
            var size = Mm(14);
            var top = PageHeight - Mm(18);
            DrawQr(g, v.Url, Left, top, size);
            var font = Font(9);
            g.DrawString(Normal($"Mã xác minh: {v.Code}"), Font(9, bold: true), XBrushes.Black, new XRect(Left + size + 4, top + 2, Width - size, Line(font)), XStringFormats.TopLeft);
            g.DrawString(Normal($"Kiểm tra văn bản tại: {v.Url}"), font, XBrushes.Black, new XRect(Left + size + 4, top + 2 + Line(font), Width - size, Line(font)), XStringFormats.TopLeft);
        }

        /// <summary>Decree 30: page numbers centred at the top, from the second page on.</summary>
        public void Number()
        {
            var font = Font(Size13);
            for (var i = 1; i < _pages.Count; i++)
                _pages[i].G.DrawString((i + 1).ToString(CultureInfo.InvariantCulture), font, XBrushes.Black,
                    new XRect(Left, Mm(8), Width, Line(font)), XStringFormats.TopCenter);
            foreach (var (_, g) in _pages) g.Dispose();
        }

        private sealed record WrappedLine(IReadOnlyList<string> Words, string Text);

        /// <summary>Words to lines within the width (the first line narrower by its indent); a word wider than a line is cut.</summary>
        private List<WrappedLine> Wrap(string text, XFont font, double width, double firstIndent)
        {
            var lines = new List<WrappedLine>();
            foreach (var hard in text.Split('\n'))
            {
                var words = new List<string>();
                foreach (var w in Dashes(hard.TrimEnd('\r').Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                    words.AddRange(Cut(w, font, width));
                var current = new List<string>();
                double available() => width - (lines.Count == 0 ? firstIndent : 0);
                foreach (var w in words)
                {
                    var candidate = current.Count == 0 ? w : string.Join(' ', current) + " " + w;
                    if (current.Count > 0 && G.MeasureString(candidate, font).Width > available())
                    {
                        lines.Add(new WrappedLine(current, string.Join(' ', current)));
                        current = [];
                    }
                    current.Add(w);
                }
                lines.Add(new WrappedLine(current, string.Join(' ', current)));
            }
            return lines;
        }

        /// <summary>
        /// A dash standing between words ("chính trị - xã hội") goes with the word after it: a line never ends on a
        /// dash (readers would take it for a hyphen and join the words, and it reads badly on paper).
        /// </summary>
        private static IEnumerable<string> Dashes(string[] words)
        {
            for (var i = 0; i < words.Length; i++)
                yield return words[i] is "-" or "–" && i + 1 < words.Length ? words[i] + " " + words[++i] : words[i];
        }

        private IEnumerable<string> Cut(string word, XFont font, double width)
        {
            if (G.MeasureString(word, font).Width <= width) { yield return word; yield break; }
            var start = 0;
            for (var end = 1; end <= word.Length; end++)
                if (G.MeasureString(word[start..end], font).Width > width && end - 1 > start)
                {
                    yield return word[start..(end - 1)];
                    start = end - 1;
                }
            if (start < word.Length) yield return word[start..];
        }
    }
}
