using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Commune;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;
using PhoChau.Core.Province;

namespace PhoChau.Bench;

/// <summary>
/// Issue 21: a province's figures page over 100 communes × 5 years × 200 petitions (100,000 petitions with their
/// answers: settled at the session, replied on time or late, overdue, pending): the figures of one year, and the same
/// as the Excel export (/tinh/so-lieu-{year}.xlsx). On PostgreSQL when PHOCHAU_TEST_POSTGRES names a server, as a
/// province runs; on SQLite otherwise. Target: p95 under 300 ms for the figures, under 2 s for the export.
/// </summary>
public sealed class ProvinceFiguresBenchmark : IBenchmark
{
    public string Name => "province-figures";
    public string Description => "province figures of a year and their Excel export over 100 communes × 5 years × 200 petitions (PostgreSQL when PHOCHAU_TEST_POSTGRES is set)";

    public async Task RunAsync(string[] args)
    {
        var communes = args.Length > 0 ? int.Parse(args[0]) : 100;
        var perYear = args.Length > 1 ? int.Parse(args[1]) : 200;
        const int years = 5;
        await using var bench = await BenchDatabase.CreateAsync(BenchDatabase.PostgresServer);
        var seedTime = Stopwatch.StartNew();
        await SeedAsync(bench, communes, years, perYear);
        Console.WriteLine($"{bench.Provider}: {communes} communes × {years} years × {perYear} petitions = {communes * years * perYear:N0} petitions seeded in {seedTime.Elapsed.TotalSeconds:F0} s");

        var province = bench.Get<ProvinceService>();
        var viewer = new Actor("bench", "so-noi-vu", new HashSet<string> { Roles.ProvinceViewer });
        var figures = new List<double>();
        var export = new List<double>();
        var bytes = 0L;
        for (var i = -3; i < 20; i++)
        {
            var sw = Stopwatch.StartNew();
            var f = await province.FiguresAsync(viewer, 2026);
            if (i >= 0) figures.Add(sw.Elapsed.TotalMilliseconds);
            if (f.Communes.Count != communes || f.Communes.Sum(c => c.Received) != communes * perYear)
                throw new InvalidOperationException($"the figures do not add up: {f.Communes.Count} communes, {f.Communes.Sum(c => c.Received)} petitions");
            sw.Restart();
            using var output = new MemoryStream();
            ProvinceService.WriteXlsx(await province.FiguresAsync(viewer, 2026), output);
            if (i >= 0) export.Add(sw.Elapsed.TotalMilliseconds);
            bytes = output.Length;
        }
        figures.Sort();
        export.Sort();
        Console.WriteLine($"{"20 timed runs after 3 warm-up",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        Console.WriteLine($"{"figures of 2026 (page)",-34} {Percentiles.Of(figures, 0.5),8:F0} {Percentiles.Of(figures, 0.95),8:F0} {figures[^1],8:F0}");
        Console.WriteLine($"{"Excel export (figures + .xlsx)",-34} {Percentiles.Of(export, 0.5),8:F0} {Percentiles.Of(export, 0.95),8:F0} {export[^1],8:F0}   ({bytes / 1024.0:F0} KB)");
        Console.WriteLine($"province-figures: p95 {Percentiles.Of(figures, 0.95):F0} ms for the figures, {Percentiles.Of(export, 0.95):F0} ms for the export on {bench.Provider} (target < 300 ms, < 2000 ms)");
    }

    private static async Task SeedAsync(BenchDatabase bench, int communes, int years, int perYear)
    {
        var factory = bench.Get<IDbContextFactory<PhoChauDbContext>>();
        var rnd = new Random(21);
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ"];
        for (var c = 1; c <= communes; c++)
        {
            using var scope = CommuneScope.Enter(c);
            await using var db = await factory.CreateDbContextAsync();
            if (c > 1) db.CommuneProfiles.Add(new CommuneProfile { Id = c, Code = $"X{c:000}", CommuneName = $"xã Thử {c:000}", CommitteeName = $"Ủy ban nhân dân xã Thử {c:000}", PlaceName = $"Thử {c:000}" });
            var dialogues = Enumerable.Range(0, years).Select(y => new Dialogue
            {
                CommuneId = c, Title = $"Đối thoại năm {2022 + y}", Year = 2022 + y, Quarter = 4,
                SessionDate = new DateOnly(2022 + y, 11, 20), Venue = "Hội trường", Deadlines = DeadlineService.Defaults(),
            }.In(DialogueState.Closed)).ToList();
            db.Dialogues.AddRange(dialogues);
            await db.SaveChangesAsync();
            foreach (var d in dialogues)
                for (var i = 1; i <= perYear; i++)
                {
                    var due = new DateOnly(d.Year, 12, 4);
                    var kind = rnd.Next(5); // settled at the session, replied on time, replied late, overdue, pending
                    db.Petitions.Add(new Petition
                    {
                        CommuneId = c, DialogueId = d.Id, Number = i, Code = PetitionCode.Format(d.Year, i),
                        PetitionerName = $"{family[rnd.Next(family.Length)]} Văn {i}", ReceivedOn = new DateOnly(d.Year, 10, 1).AddDays(rnd.Next(40)),
                        Field = (PetitionField)(i % 4), Text = $"Kiến nghị {i} về thủ tục hành chính", Phone = "0905123456",
                        SessionAnswer = kind == 0 ? "Đã trả lời tại buổi đối thoại" : null,
                        Answer = "Bộ phận chuyên môn đã trả lời", ReplyDueDate = kind == 0 ? null : kind == 3 ? new DateOnly(d.Year, 11, 1) : due,
                        ReplyText = kind is 1 or 2 ? "Trả lời bằng văn bản" : null,
                        ReplySentOn = kind == 1 ? due.AddDays(-2) : kind == 2 ? due.AddDays(3) : null,
                        AnswerDueDate = new DateOnly(d.Year, 11, 10),
                    }.In(kind == 0 ? PetitionState.SettledAtSession : kind >= 3 ? PetitionState.NotSettled : PetitionState.Closed));
                }
            await db.SaveChangesAsync();
        }
    }
}
