using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Auditing;
using PhoChau.Core.Common;
using PhoChau.Core.Departments;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Persistence;

/// <summary>
/// Issue 34.1: the save itself stamps, versions and audits; no overload of SaveChanges can skip it, and the audit names
/// the person the unit of work acts for (the system's when none).
/// </summary>
public sealed class UnitOfWorkTests
{
    private static async Task<List<AuditEntry>> TrailAsync(CoreTestHost host, string type, int id)
    {
        await using var db = host.NewDb();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_plain_save_is_audited_in_the_systems_name_and_moves_the_version_on()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var before = (await TrailAsync(host, nameof(Petition), p.Id)).Count;

        await using (var db = host.NewDb())
        {
            var row = await db.Petitions.SingleAsync(x => x.Id == p.Id);
            row.Address = "Xóm Chợ, thôn Vĩnh Tuy";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken); // no actor given, no helper called
        }

        var trail = await TrailAsync(host, nameof(Petition), p.Id);
        var entry = Assert.Single(trail.Skip(before));
        Assert.Equal(Actor.System.UserName, entry.UserName);
        Assert.Contains(entry.Changes, c => c.Field == nameof(Petition.Address) && c.New == "Xóm Chợ, thôn Vĩnh Tuy");
        await using var check = host.NewDb();
        Assert.Equal(p.Version + 1, (await check.Petitions.SingleAsync(x => x.Id == p.Id)).Version);
    }

    [Fact]
    public async Task The_synchronous_save_and_a_created_record_are_audited_too_in_the_name_of_who_acts()
    {
        await using var host = await CoreTestHost.StartAsync();
        int id;
        await using (var db = host.NewDb())
        {
            var village = new Village { Name = "Thôn Hòa Bình" };
            db.Villages.Add(village);
            db.ActAs(CoreTestHost.Secretary).SaveChanges();
            id = village.Id;
        }

        var entry = Assert.Single(await TrailAsync(host, nameof(Village), id));
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(CoreTestHost.Secretary.UserName, entry.UserName);
        Assert.Contains(entry.Changes, c => c.Field == nameof(Village.Name) && c.New == "Thôn Hòa Bình");
    }

    [Fact]
    public async Task A_refused_save_leaves_no_entry_and_its_retry_is_audited_once()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var before = (await TrailAsync(host, nameof(Petition), p.Id)).Count;

        await using var db = host.NewDb();
        var row = await db.Petitions.SingleAsync(x => x.Id == p.Id);
        await using (var other = host.NewDb()) // another screen saves first
        {
            (await other.Petitions.SingleAsync(x => x.Id == p.Id)).Address = "Thôn khác";
            await other.SaveChangesAsync(CoreTestHost.Secretary);
        }
        row.ProcedureName = "Cấp giấy phép xây dựng";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.SaveChangesAsync(CoreTestHost.Secretary));
        Assert.Single((await TrailAsync(host, nameof(Petition), p.Id)).Skip(before)); // only the other screen's

        db.Entry(row).Reload();
        row.ProcedureName = "Cấp giấy phép xây dựng";
        await db.SaveChangesAsync(CoreTestHost.Secretary);
        var mine = (await TrailAsync(host, nameof(Petition), p.Id)).Skip(before + 1).ToList();
        Assert.Single(mine, e => e.Changes.Any(c => c.Field == nameof(Petition.ProcedureName)));
    }

    [Fact]
    public async Task Erasing_says_which_texts_changed_never_what_they_held()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id, name: "Trần Thị Bích");

        await using (var db = host.NewDb())
        {
            db.ErasingPersonalData = true;
            var row = await db.Petitions.SingleAsync(x => x.Id == p.Id);
            row.PetitionerName = "(đã ẩn danh)";
            row.NotifyBySms = !row.NotifyBySms;
            await db.SaveChangesAsync(CoreTestHost.Admin);
        }

        var entry = (await TrailAsync(host, nameof(Petition), p.Id))[^1];
        var name = Assert.Single(entry.Changes, c => c.Field == nameof(Petition.PetitionerName));
        Assert.Equal("******", name.Old);
        Assert.Equal("(đã ẩn danh)", name.New);
        Assert.DoesNotContain(entry.Changes, c => c.Old?.Contains("Bích") == true || c.New?.Contains("Bích") == true);
        Assert.Contains(entry.Changes, c => c.Field == nameof(Petition.NotifyBySms) && c.Old is "True" or "False"); // not a text: readable
    }
}
