using ClosedXML.Excel;
using PhoChau.Core.Text;
using PhoChau.Core.Documents;

namespace PhoChau.Core.Petitions;

/// <summary>
/// The Excel files of the import that a clerk handles: the template village heads fill (drop-down lists of the
/// villages, kinds, channels and fields, and one example row the import leaves out), and the rows an import
/// rejected, each with the reason, to correct and send again.
/// </summary>
public static class ImportWorkbooks
{
    public const string DataSheet = "Kiến nghị";
    public const string ListsSheet = "Danh mục";
    /// <summary>A row whose name starts so is the template's example: never imported.</summary>
    public const string ExamplePrefix = "Ví dụ:";
    private const int ValidatedRows = PetitionImport.MaxRows + 1;

    public static bool IsExample(string? name) => VietnameseText.Fold(name).StartsWith(VietnameseText.Fold(ExamplePrefix), StringComparison.Ordinal);

    public static byte[] Template(IReadOnlyList<string> villages)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(DataSheet);
        var columns = ImportColumn.All;
        for (var c = 0; c < columns.Count; c++)
        {
            ws.Cell(1, c + 1).SetValue(columns[c].Header + (columns[c].Required ? " (*)" : ""));
            ws.Column(c + 1).Width = columns[c].Key == "text" ? 60 : columns[c].Header.Length + 8;
        }
        ws.Row(1).Style.Font.Bold = true;
        ws.SheetView.FreezeRows(1);
        foreach (var key in new[] { "phone", "idcard", "received" })
            ws.Column(Index(key)).Style.NumberFormat.Format = "@"; // typed as text: a phone's leading zero and a day-first date stay

        var lists = wb.AddWorksheet(ListsSheet);
        var listColumns = new (string Key, string Header, IReadOnlyCollection<string> Values)[]
        {
            ("village", "Thôn", villages),
            ("kind", "Cá nhân / Tổ chức", PetitionLabels.Kinds.Values.ToList()),
            ("channel", "Hình thức tiếp nhận", PetitionLabels.Channels.Values.ToList()),
            ("field", "Lĩnh vực", PetitionLabels.Fields.Values.ToList()),
        };
        for (var i = 0; i < listColumns.Length; i++)
        {
            var (key, header, values) = listColumns[i];
            WriteList(lists, i + 1, header, values);
            if (values.Count == 0) continue;
            // A drop-down on the data sheet's column, from the list; a value typed by hand is still read (and checked) by the import.
            var validation = ws.Range(2, Index(key), ValidatedRows, Index(key)).SetDataValidation();
            validation.List(lists.Range(2, i + 1, values.Count + 1, i + 1), true);
            validation.IgnoreBlanks = true;
            validation.ShowErrorMessage = false;
        }
        lists.Cell(1, 6).SetValue("Ngày tiếp nhận ghi dạng ngày/tháng/năm, ví dụ 15/03/2026. Cột có dấu (*) là bắt buộc. "
            + $"Dòng 2 của trang \"{DataSheet}\" là ví dụ (bắt đầu bằng \"{ExamplePrefix}\"): hệ thống không nhập dòng đó. "
            + "Cột \"Nhận tin qua\": các kênh người kiến nghị đã chọn trên phiếu để nhận tin về kiến nghị (SMS, Zalo, Thư điện tử), cách nhau bởi dấu phẩy; để trống nếu họ không chọn. "
            + "SMS và Zalo gửi tới số điện thoại, thư điện tử gửi tới cột \"Thư điện tử\".");

        // One example row, as a village head would fill it.
        var example = new Dictionary<string, string>
        {
            ["name"] = ExamplePrefix + " Nguyễn Văn An", ["kind"] = PetitionLabels.Kinds[PetitionerKind.Citizen],
            ["village"] = villages.FirstOrDefault() ?? "Thôn …", ["phone"] = "0905123456", ["address"] = "",
            ["idcard"] = "", ["channel"] = PetitionLabels.Channels[PetitionChannel.VillageHead], ["received"] = "15/03/2026",
            ["field"] = PetitionLabels.Fields[PetitionField.AdministrativeProcedure], ["procedure"] = "Cấp giấy chứng nhận quyền sử dụng đất",
            ["text"] = "Hồ sơ nộp từ tháng 12 nhưng chưa có kết quả; đề nghị cho biết lý do và thời hạn trả kết quả.",
            ["notify"] = "SMS",
        };
        foreach (var col in columns) ws.Cell(2, Index(col.Key)).SetValue(example.GetValueOrDefault(col.Key, ""));
        ws.Row(2).Style.Font.Italic = true;
        ws.Row(2).Style.Font.FontColor = XLColor.FromHtml("#595959");
        return Save(wb);
    }

    /// <summary>The rows the import refused: as they were typed, with the row number and every reason.</summary>
    public static byte[] RejectedRows(ImportPreview preview)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Dòng bị từ chối");
        var columns = ImportColumn.All;
        ws.Cell(1, 1).SetValue("Dòng trong tệp gốc");
        for (var c = 0; c < columns.Count; c++) ws.Cell(1, c + 2).SetValue(columns[c].Header);
        ws.Cell(1, columns.Count + 2).SetValue("Lý do không nhập");
        ws.Row(1).Style.Font.Bold = true;
        ws.SheetView.FreezeRows(1);
        var r = 2;
        foreach (var row in preview.Rows.Where(x => !x.IsValid))
        {
            ws.Cell(r, 1).SetValue(row.RowNumber);
            for (var c = 0; c < columns.Count && c < row.Cells.Count; c++) ws.Cell(r, c + 2).SetValue(row.Cells[c]); // text stays text
            ws.Cell(r, columns.Count + 2).SetValue(string.Join("; ", row.Errors.Select(e => $"{e.Column}: {e.Message}")));
            r++;
        }
        for (var c = 1; c <= columns.Count + 2; c++) ws.Column(c).Width = c == columns.Count + 2 ? 70 : 18;
        return Save(wb);
    }

    private static int Index(string key) => ImportColumn.All.ToList().FindIndex(c => c.Key == key) + 1;

    private static void WriteList(IXLWorksheet ws, int col, string header, IEnumerable<string> values)
    {
        ws.Cell(1, col).SetValue(header);
        ws.Cell(1, col).Style.Font.Bold = true;
        var row = 2;
        foreach (var v in values) ws.Cell(row++, col).SetValue(v);
        ws.Column(col).Width = Math.Max(header.Length, values.Select(v => v.Length).DefaultIfEmpty(10).Max()) + 4;
    }

    private static byte[] Save(XLWorkbook wb)
    {
        foreach (var sheet in wb.Worksheets) XlsxReportWriter.PrintA4Landscape(sheet); // issue 33.8: not Letter portrait
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
