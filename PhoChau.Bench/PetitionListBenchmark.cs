using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;
using PhoChau.Core.Text;

namespace PhoChau.Bench;

/// <summary>Issue "Before the session": the petition list's first page with 20,000 petitions in the database.</summary>
public sealed class PetitionListBenchmark : IBenchmark
{
    public string Name => "petition-list";
    public string Description => "first page (25 rows) of the petition list over 20,000 petitions: default order, name order, search, filter";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 20_000;
        await using var bench = await BenchDatabase.CreateAsync();
        var dialogueId = await SeedAsync(bench, count);
        var query = bench.Get<PetitionQuery>();
        var secretary = new Actor("bench", "bench", new HashSet<string> { Roles.Secretary });

        var cases = new (string Name, PetitionFilter Filter)[]
        {
            ("default order (date)", new PetitionFilter { DialogueId = dialogueId }),
            ("name order", new PetitionFilter { DialogueId = dialogueId, Sort = PetitionSort.Name }),
            ("village order", new PetitionFilter { DialogueId = dialogueId, Sort = PetitionSort.Village }),
            ("search 'nguyen van'", new PetitionFilter { DialogueId = dialogueId, Search = "nguyen van" }),
            ("state filter + page 161", new PetitionFilter { DialogueId = dialogueId, State = PetitionState.Assigned, Skip = 4000 }),
        };
        Console.WriteLine($"{count:N0} petitions; each case: 3 warm-up runs, then 20 timed runs (first page, 25 rows)");
        Console.WriteLine($"{"case",-26} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"alloc KB/run",13}");
        foreach (var (name, filter) in cases)
        {
            for (var i = 0; i < 3; i++) await query.FindAsync(secretary, filter);
            var times = new List<double>();
            var allocBefore = GC.GetTotalAllocatedBytes(true);
            for (var i = 0; i < 20; i++)
            {
                var sw = Stopwatch.StartNew();
                var page = await query.FindAsync(secretary, filter);
                times.Add(sw.Elapsed.TotalMilliseconds);
                if (page.Rows.Count == 0) throw new InvalidOperationException($"{name}: no rows");
            }
            var alloc = (GC.GetTotalAllocatedBytes(true) - allocBefore) / 20 / 1024.0;
            times.Sort();
            Console.WriteLine($"{name,-26} {times[10],8:F1} {times[18],8:F1} {times[^1],8:F1} {alloc,13:F0}");
        }
    }

    internal static async Task<int> SeedAsync(BenchDatabase bench, int count)
    {
        var factory = bench.Get<IDbContextFactory<PhoChauDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var villages = Enumerable.Range(1, 12).Select(i => new PhoChau.Core.Departments.Village { Name = $"Thôn {i}", SortOrder = i }).ToList();
        db.Villages.AddRange(villages);
        var dialogue = new Dialogue { Title = "Đối thoại benchmark", Year = 2026, SessionDate = new DateOnly(2026, 12, 15), Venue = "Hội trường", Deadlines = DeadlineService.Defaults() };
        db.Dialogues.Add(dialogue);
        await db.SaveChangesAsync();
        var depts = await db.Departments.Select(d => d.Id).ToListAsync();
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"];
        string[] middle = ["Văn", "Thị", "Minh", "Ngọc"];
        string[] given = ["An", "Bình", "Cường", "Dung", "Hải", "Lan", "Minh", "Nga", "Sơn", "Thu", "Tuấn", "Xuân"];
        var rnd = new Random(42);
        for (var i = 1; i <= count; i++)
        {
            var name = $"{family[rnd.Next(family.Length)]} {middle[rnd.Next(middle.Length)]} {given[rnd.Next(given.Length)]}";
            var text = $"Kiến nghị số {i} về thủ tục hành chính đất đai và hộ tịch tại thôn";
            var state = (PetitionState)(i % 4);
            db.Petitions.Add(new Petition
            {
                DialogueId = dialogue.Id, Number = i, Code = PetitionCode.Format(2026, i), PetitionerName = name,
                NameSortKey = VietnameseText.NameSortKey(name), SearchText = VietnameseText.Fold($"{PetitionCode.Format(2026, i)} {name} {text}"),
                VillageId = villages[rnd.Next(villages.Count)].Id, ReceivedOn = new DateOnly(2026, 1, 1).AddDays(rnd.Next(300)),
                Field = (PetitionField)(i % 4), Text = text, Phone = "0905123456",
                LeadDepartmentId = state == PetitionState.Received ? null : depts[rnd.Next(depts.Count)],
                AnswerDueDate = new DateOnly(2026, 12, 4),
            }.In(state));
            if (i % 5000 == 0) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync();
        return dialogue.Id;
    }
}
