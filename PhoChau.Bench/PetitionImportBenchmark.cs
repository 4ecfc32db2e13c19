using ClosedXML.Excel;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Bench;

/// <summary>
/// Issues "Before the session" and "Speed": importing a village head's list of 5,000 rows, the limit (preview, then
/// confirm): time and bytes allocated. Target: under 60 MB allocated for the 5,000 rows.
/// </summary>
public sealed class PetitionImportBenchmark : IBenchmark
{
    public string Name => "petition-import";
    public string Description => "import 5,000 Excel rows (the limit): preview (read + validate + duplicates) and confirm (one transaction); time, allocations";

    public async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0]) : PetitionImport.MaxRows;
        var allocations = new List<double>();
        var secretary = new Actor("bench", "bench", new HashSet<string> { Roles.Secretary });
        var file = MakeFile(rows);
        Console.WriteLine($"{rows:N0} rows, file {file.Length / 1024} KB; 3 runs, each on a fresh database");
        Console.WriteLine($"{"run",4} {"preview ms",11} {"confirm ms",11} {"total ms",9} {"preview MB",11} {"alloc MB",9} {"saved",6}");
        for (var run = 1; run <= 3; run++)
        {
            await using var bench = await BenchDatabase.CreateAsync();
            foreach (var v in new[] { "Thôn Vĩnh Tuy", "Thôn Châu Me", "Thôn Tân Hy" })
                await bench.Get<VillageService>().AddAsync(Actor.System, v);
            var dialogue = await bench.Get<DialogueService>().CreateAsync(secretary, new DialogueInput
            {
                Title = "Đối thoại benchmark", Year = 2026, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15),
            });
            var import = bench.Get<PetitionImport>();
            var alloc = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            var preview = await import.PreviewAsync(secretary, dialogue.Id, new MemoryStream(file));
            var previewMs = sw.Elapsed.TotalMilliseconds;
            var previewAlloc = (GC.GetTotalAllocatedBytes(true) - alloc) / 1048576.0;
            if (preview.FileError is not null || preview.ValidCount != rows) throw new InvalidOperationException(preview.FileError ?? $"{preview.ValidCount} valid rows");
            var saved = (await import.ConfirmAsync(secretary, dialogue.Id, preview, consentConfirmed: true, keepDuplicates: true)).Saved;
            var total = sw.Elapsed.TotalMilliseconds;
            var allocated = (GC.GetTotalAllocatedBytes(true) - alloc) / 1048576.0;
            allocations.Add(allocated);
            Console.WriteLine($"{run,4} {previewMs,11:F0} {total - previewMs,11:F0} {total,9:F0} {previewAlloc,11:F0} {allocated,9:F0} {saved,6}");
        }
        Console.WriteLine($"petition-import: {allocations.Skip(1).Average():F0} MB allocated for {rows:N0} rows (target < 60 MB)");
    }

    private static byte[] MakeFile(int rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Kiến nghị");
        for (var c = 0; c < ImportColumn.All.Count; c++) ws.Cell(1, c + 1).SetValue(ImportColumn.All[c].Header);
        string[] villages = ["Vĩnh Tuy", "Châu Me", "Tân Hy"];
        for (var r = 0; r < rows; r++)
        {
            var row = r + 2;
            ws.Cell(row, 1).SetValue($"Người dân số {r}");
            ws.Cell(row, 2).SetValue("Cá nhân");
            ws.Cell(row, 3).SetValue(villages[r % 3]);
            ws.Cell(row, 4).SetValue($"09{r:D8}");
            ws.Cell(row, 7).SetValue("Qua Trưởng thôn");
            ws.Cell(row, 8).SetValue(new DateTime(2026, 10, 1).AddDays(r % 50));
            ws.Cell(row, 9).SetValue("Khác");
            ws.Cell(row, 11).SetValue($"Nội dung kiến nghị thứ {r}: đề nghị {r % 7} về đường giao thông {r % 13} và chiếu sáng {r % 17}");
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
