using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PhoChau.Core.Citizens;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

/// <summary>Issue 33.3: a petition code names one petition in a commune; codes repeated before are renumbered, and stay findable.</summary>
public sealed class UniqueCodeTests
{
    private static async Task<Dialogue> DialogueAsync(CoreTestHost host, string title)
    {
        var d = await WorkflowData.DialogueAsync(host);
        if (title.Length > 0)
            await using (var db = host.NewDb())
                await db.Dialogues.Where(x => x.Id == d.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Title, title));
        return d;
    }

    [Fact]
    public async Task Two_dialogues_of_one_year_number_their_petitions_as_one_series_and_the_database_refuses_a_repeated_code()
    {
        await using var host = await CoreTestHost.StartAsync();
        var first = await DialogueAsync(host, "Đối thoại quý I");
        var second = await DialogueAsync(host, "Đối thoại quý III");
        var a = await WorkflowData.PetitionAsync(host, first.Id, "Nguyễn Văn An");
        var b = await WorkflowData.PetitionAsync(host, second.Id, "Trần Thị Bình");
        var c = await WorkflowData.PetitionAsync(host, first.Id, "Lê Văn Cường");

        Assert.Equal(["KN-2026-001", "KN-2026-002", "KN-2026-003"], new[] { a.Code, b.Code, c.Code });
        await using var db = host.NewDb();
        var repeat = db.Petitions.Where(p => p.Id == b.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Code, a.Code));
        await Assert.ThrowsAnyAsync<Exception>(() => repeat); // the unique (commune, code) index
    }

    [Fact]
    public async Task The_migration_renumbers_a_repeated_code_and_the_old_code_with_its_PIN_still_finds_the_petition()
    {
        await using var host = await CoreTestHost.StartAsync(); // SQLite, and PostgreSQL in CI's second pass (its own migration)
        var first = await DialogueAsync(host, "Đối thoại năm 2026");
        var cluster = await DialogueAsync(host, "Buổi đối thoại cụm thôn");
        var a1 = await WorkflowData.PetitionAsync(host, first.Id, "Nguyễn Văn An");
        var a2 = await WorkflowData.PetitionAsync(host, first.Id, "Trần Thị Bình");
        var b1 = await WorkflowData.PetitionAsync(host, cluster.Id, "Lê Văn Cường");
        var b2 = await WorkflowData.PetitionAsync(host, cluster.Id, "Phạm Thị Dung");
        var pins = host.Get<TrackingPin>();

        // Back to the schema before codes were unique, with the cluster session's petitions numbered from 1 again and their
        // PINs issued on those codes: the data an earlier version left.
        await using (var db = host.NewDb())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_UniquePetitionCodes", StringComparison.Ordinal)) - 1]);
            foreach (var (p, old) in new[] { (b1, "KN-2026-001"), (b2, "KN-2026-002") })
                await db.Database.ExecuteSqlRawAsync("UPDATE \"Petitions\" SET \"Number\" = {0}, \"Code\" = {1}, \"PinHash\" = {2}, \"SearchText\" = {3} WHERE \"Id\" = {4}",
                    int.Parse(old[^3..]), old, pins.Hash(cluster.Id, old, b1.Id == p.Id ? b1.IssuedPin! : b2.IssuedPin!), old.ToLowerInvariant(), p.Id);
            Assert.Equal(2, await db.Database.SqlQueryRaw<int>("SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"Petitions\" WHERE \"Code\" = 'KN-2026-001'").SingleAsync());
        }
        SqliteConnection.ClearAllPools();
        await using (var db = host.NewDb()) await db.Database.MigrateAsync();

        await using (var db = host.NewDb())
        {
            var rows = await db.Petitions.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Code, p.Number, p.FormerCode }).ToListAsync();
            Assert.Equal(rows.Count, rows.Select(r => r.Code).Distinct().Count());
            Assert.Equal(("KN-2026-001", (string?)null), (rows.Single(r => r.Id == a1.Id).Code, rows.Single(r => r.Id == a1.Id).FormerCode)); // the first keeps its code
            Assert.Equal(("KN-2026-002", (string?)null), (rows.Single(r => r.Id == a2.Id).Code, rows.Single(r => r.Id == a2.Id).FormerCode));
            Assert.Equal(("KN-2026-003", 3, "KN-2026-001"), (rows.Single(r => r.Id == b1.Id).Code, rows.Single(r => r.Id == b1.Id).Number, rows.Single(r => r.Id == b1.Id).FormerCode));
            Assert.Equal(("KN-2026-004", 4, "KN-2026-002"), (rows.Single(r => r.Id == b2.Id).Code, rows.Single(r => r.Id == b2.Id).Number, rows.Single(r => r.Id == b2.Id).FormerCode));
        }

        // The citizen's receipt says KN-2026-001 and its PIN: it still opens the cluster session's petition, under its new code.
        var lookup = host.Get<PublicLookupService>();
        Assert.Equal("KN-2026-003", (await lookup.LookupAsync("KN-2026-001", b1.IssuedPin))!.Code);
        Assert.Equal("KN-2026-003", (await lookup.LookupAsync("KN-2026-003", b1.IssuedPin))!.Code);
        Assert.Equal("KN-2026-001", (await lookup.LookupAsync("KN-2026-001", a1.IssuedPin))!.Code); // the other one with its own PIN
        // The staff find it by either code.
        var found = await host.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { Search = "KN-2026-001" });
        Assert.Contains(found.Rows, r => r.Id == b1.Id);
        Assert.Contains(found.Rows, r => r.Id == a1.Id);
        // A new petition of the year takes the next number of the series.
        Assert.Equal("KN-2026-005", (await WorkflowData.PetitionAsync(host, first.Id, "Võ Văn Em")).Code);
    }
}
