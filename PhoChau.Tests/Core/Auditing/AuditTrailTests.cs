using PhoChau.Core.Auditing;
using PhoChau.Core.Common;
using PhoChau.Core.Departments;

namespace PhoChau.Tests.Core.Auditing;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task A_rename_is_recorded_with_who_when_and_old_to_new()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DepartmentService>();
        var dept = (await service.ListAsync()).First(d => d.Name == "Công an xã");

        await service.RenameAsync(CoreTestHost.Admin, dept.Id, "Công an xã Phổ Châu");

        var (rows, _) = await host.Get<AuditService>().FindAsync(CoreTestHost.Chairman, new AuditQuery(nameof(Department), dept.Id.ToString()));
        var entry = Assert.Single(rows, r => r.Action == AuditAction.Updated);
        Assert.Equal("admin", entry.UserName);
        Assert.Equal("admin-id", entry.UserId);
        var change = Assert.Single(entry.Changes);
        Assert.Equal(("Name", "Công an xã", "Công an xã Phổ Châu"), (change.Field, change.Old, change.New));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, entry.AtUtc); // the application's clock, not the machine's
    }

    [Fact]
    public async Task A_creation_is_recorded_with_its_values()
    {
        await using var host = await CoreTestHost.StartAsync();
        var v = await host.Get<VillageService>().AddAsync(CoreTestHost.Admin, "Thôn Châu Me");
        var (rows, _) = await host.Get<AuditService>().FindAsync(CoreTestHost.Admin, new AuditQuery(nameof(Village), v.Id.ToString()));
        var entry = Assert.Single(rows);
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Contains(entry.Changes, c => c.Field == "Name" && c.Old == null && c.New == "Thôn Châu Me");
    }

    /// <summary>Issue 33.8: a new record's trail lists what was set, not the row version (it read "Version" in English).</summary>
    [Fact]
    public async Task A_created_petition_lists_no_row_version_and_every_field_it_lists_has_a_Vietnamese_name()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var (rows, _) = await host.Get<AuditService>().FindAsync(CoreTestHost.Admin, new AuditQuery(nameof(PhoChau.Core.Petitions.Petition), p.Id.ToString()));
        var created = Assert.Single(rows, r => r.Action == AuditAction.Created);
        Assert.DoesNotContain(created.Changes, c => c.Field == "Version");
        foreach (var c in created.Changes) Assert.NotEqual(c.Field, AuditLabels.Field(c.Field));
    }

    [Fact]
    public async Task Only_the_chairman_and_the_administrator_read_the_audit_trail()
    {
        await using var host = await CoreTestHost.StartAsync();
        var audit = host.Get<AuditService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => audit.FindAsync(CoreTestHost.Viewer, new AuditQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => audit.FindAsync(CoreTestHost.Secretary, new AuditQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => audit.FindAsync(CoreTestHost.Officer(1), new AuditQuery()));
    }

    [Fact]
    public async Task Deleting_an_audited_record_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = host.NewDb();
        var dept = db.Departments.First();
        db.Departments.Remove(dept);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CoreTestHost.Admin));
    }
}
