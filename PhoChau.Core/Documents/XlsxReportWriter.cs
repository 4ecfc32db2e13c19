using System.Text;
using ClosedXML.Excel;

namespace PhoChau.Core.Documents;

/// <summary>
/// Writes report tables with ClosedXML 0.95 the way staff expect: a title row naming the commune and the
/// dialogue, bold frozen headers with filters, widths from the content (AdjustToContents needs GDI+, absent
/// here), real dates shown dd/MM/yyyy, and every citizen's text kept as text — a leading "=", "+", "-" or
/// "@" never becomes a formula, a leading zero is never lost.
/// </summary>
public static class XlsxReportWriter
{
    /// <summary>Excel's limit for one cell.</summary>
    public const int MaxCellLength = 32_767;
    public const string NoData = "Không có dữ liệu";

    public static void Write(Stream output, string heading, IEnumerable<ReportTable> tables)
    {
        using var wb = new XLWorkbook();
        foreach (var table in tables) AddSheet(wb, heading, table);
        wb.SaveAs(output);
    }

    private static void AddSheet(XLWorkbook wb, string heading, ReportTable table)
    {
        var ws = wb.AddWorksheet(table.SheetName);
        var columns = table.Headers.Count;
        SetText(ws.Cell(1, 1), heading);
        ws.Cell(1, 1).Style.Font.Bold = true;
        SetText(ws.Cell(2, 1), table.Title);
        ws.Cell(2, 1).Style.Font.Bold = true;
        ws.Cell(2, 1).Style.Font.FontSize = 13;
        const int headerRow = 4;
        for (var c = 0; c < columns; c++) SetText(ws.Cell(headerRow, c + 1), table.Headers[c]);
        var header = ws.Range(headerRow, 1, headerRow, columns);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2DCDB");
        header.Style.Alignment.WrapText = true;

        var widths = table.Headers.Select(h => Math.Min(h.Length + 2, 30)).ToArray();
        var row = headerRow + 1;
        if (table.Rows.Count == 0)
        {
            SetText(ws.Cell(row, 1), NoData);
            ws.Cell(row, 1).Style.Font.Italic = true;
            row++;
        }
        foreach (var values in table.Rows)
        {
            for (var c = 0; c < columns && c < values.Count; c++)
            {
                var cell = ws.Cell(row, c + 1);
                var v = values[c];
                if (v.Date is { } d)
                {
                    cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                    cell.Style.DateFormat.Format = "dd/MM/yyyy";
                }
                else if (v.Number is { } n) cell.SetValue(n);
                else if (v.Text is not null) SetText(cell, v.Text);
                widths[c] = Math.Max(widths[c], Math.Min(v.Width + 2, 60));
            }
            row++;
        }
        for (var c = 0; c < columns; c++)
        {
            ws.Column(c + 1).Width = widths[c];
            if (widths[c] >= 60) ws.Column(c + 1).Style.Alignment.WrapText = true;
        }
        ws.SheetView.FreezeRows(headerRow);
        // Printed for the Party committee and the People's Council: A4 landscape, one page wide, headers on every page.
        PrintA4Landscape(ws, headerRow);
        ws.Range(headerRow, 1, Math.Max(row - 1, headerRow + 1), columns).SetAutoFilter();
    }

    /// <summary>Text as text: control characters removed, cut to Excel's cell limit, never read as a formula or a number.</summary>
    public static void SetText(IXLCell cell, string text)
    {
        var clean = Clean(text);
        cell.SetValue(clean);
        cell.DataType = XLDataType.Text;
        if (cell.HasFormula) cell.FormulaA1 = null;
    }

    public static string Clean(string text)
    {
        // Almost every text is clean already: return it as it is, with no copy.
        if (text.Length <= MaxCellLength && !text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f')) return text;
        if (text.Length <= MaxCellLength && !text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\t'))) return text;
        var sb = new StringBuilder(Math.Min(text.Length, MaxCellLength));
        foreach (var ch in text)
        {
            if (char.IsControl(ch) && ch is not ('\n' or '\t')) continue;
            if (sb.Length == MaxCellLength) break;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Every workbook the portal gives prints on A4 landscape, one page wide, the header row on every page.</summary>
    public static void PrintA4Landscape(IXLWorksheet ws, int headerRow = 1)
    {
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
        ws.PageSetup.Margins.SetLeft(0.4).SetRight(0.4);
    }
}
