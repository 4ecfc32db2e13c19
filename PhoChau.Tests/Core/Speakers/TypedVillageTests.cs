using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PhoChau.Core.Common;
using ClosedXML.Excel;
using PhoChau.Core.Departments;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Speakers;

/// <summary>Issue 33.6: a village typed in the hall that is not in the list is kept, counted under its name, and can be added.</summary>
public sealed class TypedVillageTests
{
    private static async Task<string[]> VillageLinesAsync(CoreTestHost host, int dialogueId)
    {
        using var ms = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(CoreTestHost.Secretary, dialogueId, ReportKind.Summary, ms);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        return wb.Worksheet("Theo thôn").Column(1).CellsUsed().Select(c => c.GetString()).ToArray();
    }

    [Fact]
    public async Task A_village_typed_in_the_hall_is_kept_counted_under_its_name_and_once_added_to_the_list_counted_as_a_village()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var known = await WorkflowData.VillageAsync(host, "Thôn Châu Me");
        var queue = host.Get<SpeakerQueueService>();
        await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Lê Văn Mới", VillageOrOrganisation = "Xóm Bàu Sen", Topic = "Đường", NewPetitionText = "Đường xóm Bàu Sen ngập nước." });
        await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Trần Thị Cũ", VillageOrOrganisation = "chau me", Topic = "Cầu", NewPetitionText = "Cầu thôn Châu Me hư hỏng." });

        Petition mới, cũ;
        await using (var db = host.NewDb())
        {
            mới = await db.Petitions.AsNoTracking().SingleAsync(p => p.PetitionerName == "Lê Văn Mới");
            cũ = await db.Petitions.AsNoTracking().SingleAsync(p => p.PetitionerName == "Trần Thị Cũ");
        }
        Assert.Equal(((int?)null, "Xóm Bàu Sen"), (mới.VillageId, mới.VillageTyped));
        Assert.Equal(((int?)known.Id, (string?)null), (cũ.VillageId, cũ.VillageTyped)); // matched without marks and "thôn"
        var lines = await VillageLinesAsync(host, d.Id);
        Assert.Contains($"Xóm Bàu Sen {ReportService.TypedVillageMark}", lines);
        Assert.DoesNotContain("(không rõ thôn)", lines);

        var villages = host.Get<VillageService>();
        var typed = host.Get<TypedVillages>();
        Assert.Equal([("Xóm Bàu Sen", 1)], await typed.ListAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => typed.AdoptAsync(CoreTestHost.Secretary, "Xóm Bàu Sen"));
        Assert.Equal(1, await typed.AdoptAsync(CoreTestHost.Admin, "Xóm Bàu Sen"));

        Assert.Empty(await typed.ListAsync());
        Assert.Contains("Xóm Bàu Sen", (await villages.ListAsync()).Select(v => v.Name));
        Assert.Contains("Xóm Bàu Sen", await VillageLinesAsync(host, d.Id));
        Assert.NotNull((await WorkflowData.ReloadAsync(host, mới.Id)).VillageId);
    }

    /// <summary>A village typed in the hall by an earlier version (kept as the address) becomes the village as typed on upgrade.</summary>
    [Fact]
    public async Task The_upgrade_takes_a_village_an_earlier_version_kept_as_the_address_as_the_village_typed()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id,
            new SpeakerInput { Name = "Lê Văn Mới", VillageOrOrganisation = "Xóm Bàu Sen", Topic = "Đường", NewPetitionText = "Đường xóm ngập nước." });
        var desk = await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Quầy"); // at the one-stop desk: its address is an address
        await using (var db = host.NewDb())
        {
            await db.Petitions.Where(p => p.Id == desk.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Address, "Số 5 đường Lê Lợi"));
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_VillageTyped", StringComparison.Ordinal)) - 1]);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var db = host.NewDb()) await db.Database.MigrateAsync();

        await using var check = host.NewDb();
        var rows = await check.Petitions.AsNoTracking().Where(p => p.DialogueId == d.Id).Select(p => new { p.PetitionerName, p.VillageTyped }).ToListAsync();
        Assert.Equal("Xóm Bàu Sen", rows.Single(r => r.PetitionerName == "Lê Văn Mới").VillageTyped);
        Assert.Null(rows.Single(r => r.PetitionerName == "Trần Thị Quầy").VillageTyped);
    }
}
