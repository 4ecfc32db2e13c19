using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

public sealed class PetitionImportTests
{
    private static readonly string[] Headers = ImportColumn.All.Select(c => c.Header).ToArray();

    private static MemoryStream Workbook(IEnumerable<object?[]> rows, string[]? headers = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Kiến nghị");
        var h = headers ?? Headers;
        for (var c = 0; c < h.Length; c++) ws.Cell(1, c + 1).SetValue(h[c]);
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                switch (row[c])
                {
                    case null: break;
                    case DateTime dt: ws.Cell(r, c + 1).SetValue(dt); break;
                    case double n: ws.Cell(r, c + 1).SetValue(n); break;
                    case var v: ws.Cell(r, c + 1).SetValue(v.ToString()); break;
                }
            }
            r++;
        }
        var ms = new MemoryStream();
        wb.SaveAs(ms);
        ms.Position = 0;
        return ms;
    }

    // name, kind, village, phone, address, idcard, channel, received, field, procedure, text
    private static object?[] Row(string name = "Nguyễn Văn An", string village = "Vĩnh Tuy", object? phone = null, object? received = null,
        string field = "Khác", string text = "Đề nghị sửa đường liên thôn bị xuống cấp", string? procedure = null, string channel = "Qua Trưởng thôn") =>
        [name, "Cá nhân", village, phone, null, null, channel, received ?? "20/02/2026", field, procedure, text];

    private static async Task<(CoreTestHost Host, int DialogueId)> ArrangeAsync()
    {
        var host = await CoreTestHost.StartAsync();
        await WorkflowData.VillageAsync(host, "Thôn Vĩnh Tuy");
        await WorkflowData.VillageAsync(host, "Thôn Châu Me");
        var d = await WorkflowData.DialogueAsync(host);
        return (host, d.Id);
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_saved_in_one_go_when_confirmed()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        var import = host.Get<PetitionImport>();
        using var file = Workbook([
            Row(),
            Row("Trần Thị Bình", "Thôn Châu Me", phone: 905123456d, received: new DateTime(2026, 2, 21), field: "Thủ tục hành chính", procedure: "Đăng ký khai sinh", text: "Hướng dẫn thủ tục khai sinh còn rườm rà"),
        ]);

        var preview = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        Assert.Null(preview.FileError);
        Assert.Equal(2, preview.ValidCount);
        await using (var db = host.NewDb()) Assert.False(await db.Petitions.AnyAsync()); // nothing saved by a preview

        Assert.Equal(2, (await import.ConfirmAsync(CoreTestHost.Secretary, dialogueId, preview, consentConfirmed: true, keepDuplicates: true)).Saved);
        await using var check = host.NewDb();
        var saved = await check.Petitions.OrderBy(p => p.Number).ToListAsync();
        Assert.Equal(["KN-2026-001", "KN-2026-002"], saved.Select(p => p.Code));
        Assert.Equal("0905123456", saved[1].Phone); // the zero Excel dropped is restored
        Assert.Equal((PetitionField.AdministrativeProcedure, new DateOnly(2026, 2, 21)), (saved[1].Field, saved[1].ReceivedOn));
        Assert.All(saved, p => Assert.NotNull(p.PinHash)); // imported petitions get a tracking PIN too (printed on their receipt)
        Assert.NotEqual(saved[0].PinHash, saved[1].PinHash);
    }

    [Fact]
    public async Task Each_bad_row_says_its_row_column_and_why_in_Vietnamese()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        using var file = Workbook([
            Row(),
            Row(name: ""),
            Row(village: "Thôn Không Có"),
            Row(received: "31/02/2026"),
            Row(field: "Thủ tục hành chính"),
            Row(phone: "12345"),
        ]);
        var preview = await host.Get<PetitionImport>().PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        Assert.Equal(1, preview.ValidCount);
        ImportError Error(int row) => Assert.Single(preview.Rows.Single(r => r.RowNumber == row).Errors);
        Assert.Equal("Họ tên / Tên tổ chức", Error(3).Column);
        Assert.Contains("Không có thôn \"Thôn Không Có\"", Error(4).Message);
        Assert.Equal("Ngày tiếp nhận", Error(5).Column);
        Assert.Contains("tên thủ tục", Error(6).Message);
        Assert.Contains("Số điện thoại không đúng định dạng", Error(7).Message);
    }

    [Fact]
    public async Task Likely_duplicates_are_flagged_against_saved_petitions_and_earlier_rows()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        var village = await WorkflowData.VillageAsync(host, "Thôn Vĩnh Tuy");
        await WorkflowData.PetitionAsync(host, dialogueId, "Nguyễn Văn An", village.Id, "Đề nghị sửa đường liên thôn bị xuống cấp");
        using var file = Workbook([
            Row("nguyen van an"),
            Row("Lê Thị Thu", "Thôn Châu Me", text: "Đề nghị công khai thủ tục tại nhà văn hóa"),
            Row("Lê Thị Thu", "Thôn Châu Me", text: "Đề nghị công khai thủ tục tại nhà văn hóa thôn"),
        ]);
        var import = host.Get<PetitionImport>();
        var preview = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        Assert.Equal("KN-2026-001", preview.Rows[0].LikelyDuplicateOf);
        Assert.Null(preview.Rows[1].LikelyDuplicateOf);
        Assert.Equal("dòng 3", preview.Rows[2].LikelyDuplicateOf);

        Assert.Equal(1, (await import.ConfirmAsync(CoreTestHost.Secretary, dialogueId, preview, consentConfirmed: true)).Saved);
    }

    [Fact]
    public async Task Likely_duplicates_are_left_out_unless_the_clerk_keeps_them()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        var village = await WorkflowData.VillageAsync(host, "Thôn Vĩnh Tuy");
        await WorkflowData.PetitionAsync(host, dialogueId, "Nguyễn Văn An", village.Id, "Đề nghị sửa đường liên thôn bị xuống cấp");
        var import = host.Get<PetitionImport>();

        using (var file = Workbook([Row("nguyen van an"), Row("Lê Thị Thu", "Thôn Châu Me", text: "Đề nghị công khai thủ tục tại nhà văn hóa")]))
        {
            var preview = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
            Assert.Equal(1, (await import.ConfirmAsync(CoreTestHost.Secretary, dialogueId, preview, consentConfirmed: true)).Saved);
        }
        await using (var db = host.NewDb())
            Assert.Equal(["Nguyễn Văn An", "Lê Thị Thu"], await db.Petitions.Where(p => p.DialogueId == dialogueId).OrderBy(p => p.Number).Select(p => p.PetitionerName).ToListAsync());

        using (var file = Workbook([Row("nguyen van an")]))
        {
            var preview = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
            Assert.Equal(1, (await import.ConfirmAsync(CoreTestHost.Secretary, dialogueId, preview, consentConfirmed: true, keepDuplicates: true)).Saved);
        }
        await using (var db = host.NewDb())
            Assert.Equal(3, await db.Petitions.CountAsync(p => p.DialogueId == dialogueId));
    }

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_is_refused()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        using var file = new MemoryStream("Họ tên;Thôn\nNguyễn Văn An;Vĩnh Tuy"u8.ToArray());
        var preview = await host.Get<PetitionImport>().PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        Assert.Contains("không phải là tệp Excel", preview.FileError);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task A_corrupt_xlsx_is_refused()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        var bytes = Workbook([Row()]).ToArray();
        using var file = new MemoryStream(bytes[..(bytes.Length / 2)]);
        var preview = await host.Get<PetitionImport>().PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        Assert.Contains("bị hỏng", preview.FileError);
    }

    [Fact]
    public async Task Missing_columns_are_named()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        using var file = Workbook([["Nguyễn Văn An", "Vĩnh Tuy"]], ["Họ tên / Tên tổ chức", "Thôn"]);
        var preview = await host.Get<PetitionImport>().PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        Assert.Contains("Ngày tiếp nhận", preview.FileError);
        Assert.Contains("Nội dung kiến nghị", preview.FileError);
    }

    [Fact]
    public async Task A_file_of_10000_rows_is_refused_whole()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        using var file = Workbook(Enumerable.Range(0, 10_000).Select(i => Row($"Người {i}")));
        var preview = await host.Get<PetitionImport>().PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        Assert.Contains("10.000 dòng", preview.FileError!.Replace(",", "."));
        await using var db = host.NewDb();
        Assert.False(await db.Petitions.AnyAsync());
    }

    [Fact]
    public async Task Confirming_is_all_or_nothing()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var _ = host;
        var import = host.Get<PetitionImport>();
        using var file = Workbook([Row(), Row("Trần Thị Bình", text: "Nội dung khác hẳn")]);
        var preview = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, file);
        // One row went bad between preview and confirm (the list was tampered with): nothing at all is saved.
        var tampered = preview with { Rows = [preview.Rows[0], preview.Rows[1] with { Input = new PetitionInput { DialogueId = dialogueId } }] };
        await Assert.ThrowsAsync<DomainException>(() => import.ConfirmAsync(CoreTestHost.Secretary, dialogueId, tampered, consentConfirmed: true, keepDuplicates: true));
        await using var db = host.NewDb();
        Assert.False(await db.Petitions.AnyAsync());
    }

    [Fact]
    public async Task The_template_has_every_column_and_the_villages()
    {
        var (host, _) = await ArrangeAsync();
        await using var __ = host;
        using var wb = new XLWorkbook(new MemoryStream(await host.Get<PetitionImport>().TemplateAsync()));
        var headers = wb.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString().Replace(" (*)", "")).ToList();
        Assert.Equal(Headers, headers);
        Assert.Contains(wb.Worksheet(2).Column(1).CellsUsed(), c => c.GetString() == "Thôn Châu Me");
        // Printed as the commune prints: A4 landscape, one page wide (issue 33.8: it was Letter portrait).
        foreach (var ws in wb.Worksheets)
            Assert.Equal((XLPaperSize.A4Paper, XLPageOrientation.Landscape, 1, 0), (ws.PageSetup.PaperSize, ws.PageSetup.PageOrientation, ws.PageSetup.PagesWide, ws.PageSetup.PagesTall));
    }

    [Fact]
    public async Task The_template_offers_drop_down_lists_and_an_example_row_that_is_never_imported()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var __ = host;
        var import = host.Get<PetitionImport>();
        var template = await import.TemplateAsync();
        using (var wb = new XLWorkbook(new MemoryStream(template)))
        {
            var ws = wb.Worksheet(ImportWorkbooks.DataSheet);
            foreach (var header in new[] { "Thôn", "Cá nhân / Tổ chức", "Hình thức tiếp nhận", "Lĩnh vực" })
            {
                var column = Array.IndexOf(Headers, header) + 1;
                var validation = ws.DataValidations.SingleOrDefault(v => v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnNumber == column));
                Assert.True(validation is not null, $"no drop-down on {header}");
                Assert.Equal(XLAllowedValues.List, validation!.AllowedValues);
                Assert.Contains(ImportWorkbooks.ListsSheet, validation.Value);
            }
            Assert.StartsWith(ImportWorkbooks.ExamplePrefix, ws.Cell(2, 1).GetString());
            Assert.Equal("Thôn Vĩnh Tuy", ws.Cell(2, Array.IndexOf(Headers, "Thôn") + 1).GetString());
        }

        // Filled as it comes (the example only): nothing to import. With one real row below it: that row only.
        var onlyExample = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, new MemoryStream(template));
        Assert.NotNull(onlyExample.FileError);
        using var filled = new XLWorkbook(new MemoryStream(template));
        var sheet = filled.Worksheet(ImportWorkbooks.DataSheet);
        var row = Row("Trần Thị Thật");
        for (var c = 0; c < row.Length; c++) if (row[c] is { } v) sheet.Cell(3, c + 1).SetValue(v.ToString());
        var ms = new MemoryStream();
        filled.SaveAs(ms);
        ms.Position = 0;
        var preview = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, ms);
        Assert.Equal("Trần Thị Thật", Assert.Single(preview.Rows).Input.PetitionerName);
        Assert.True(preview.Rows[0].IsValid, string.Join("; ", preview.Rows[0].Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task The_rejected_rows_come_back_as_typed_with_the_reason_and_the_saved_ones_can_be_listed()
    {
        var (host, dialogueId) = await ArrangeAsync();
        await using var __ = host;
        var import = host.Get<PetitionImport>();
        using var file = Workbook([Row("Nguyễn Văn An"), Row("Lê Văn Sai", "Thôn Không Có", phone: "0905123456"), Row("Phạm Thị Đúng", "Châu Me", text: "Đề nghị lắp đèn đường")]);
        var preview = await import.PreviewAsync(CoreTestHost.Secretary, dialogueId, file);

        using var rejected = new XLWorkbook(new MemoryStream(ImportWorkbooks.RejectedRows(preview)));
        var ws = rejected.Worksheet(1);
        Assert.Equal(2, ws.LastRowUsed().RowNumber()); // the header and the one bad row
        Assert.Equal(3, (int)ws.Cell(2, 1).GetDouble()); // its row in the clerk's file
        Assert.Equal("Lê Văn Sai", ws.Cell(2, 2).GetString());
        Assert.Equal("0905123456", ws.Cell(2, 1 + Array.IndexOf(Headers, "Số điện thoại") + 1).GetString()); // text, zero kept
        Assert.Contains("Thôn Không Có", ws.Cell(2, Headers.Length + 2).GetString());

        var result = await import.ConfirmAsync(CoreTestHost.Secretary, dialogueId, preview, consentConfirmed: true);
        Assert.Equal((2, 1, 2), (result.Saved, result.FirstNumber, result.LastNumber));
        var listed = await host.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary,
            new PetitionFilter { DialogueId = dialogueId, NumberFrom = result.FirstNumber, NumberTo = result.LastNumber, Sort = PetitionSort.Code });
        Assert.Equal(["Nguyễn Văn An", "Phạm Thị Đúng"], listed.Rows.Select(r => r.PetitionerName));
    }
}
