using PhoChau.Core.Common;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

public sealed class PetitionQueryTests
{
    [Fact]
    public async Task Search_ignores_diacritics_and_case()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id, "Nguyễn Văn A");
        await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình", text: "Đường liên thôn xuống cấp");
        var query = host.Get<PetitionQuery>();

        var byName = await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { Search = "nguyen van a" });
        Assert.Equal("Nguyễn Văn A", Assert.Single(byName.Rows).PetitionerName);
        var byText = await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { Search = "DUONG lien THON" });
        Assert.Equal("Trần Thị Bình", Assert.Single(byText.Rows).PetitionerName);
        var byCode = await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { Search = "kn-2026-002" });
        Assert.Single(byCode.Rows);
    }

    [Fact]
    public async Task Names_sort_by_given_name_then_family_name_as_Vietnamese_lists_do()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        foreach (var name in new[] { "Nguyễn Văn Cường", "Trần Thị Bình", "Lê Văn An", "Đỗ Thị Ánh", "Phạm Văn Bình" })
            await WorkflowData.PetitionAsync(host, d.Id, name);
        var page = await host.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { Sort = PetitionSort.Name });
        // Given names An, Ánh, Bình (Phạm Văn before Trần Thị), Bình, Cường.
        Assert.Equal(["Lê Văn An", "Đỗ Thị Ánh", "Phạm Văn Bình", "Trần Thị Bình", "Nguyễn Văn Cường"], page.Rows.Select(r => r.PetitionerName));
    }

    [Fact]
    public async Task Filters_and_paging_run_on_the_server()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var tuyen = await WorkflowData.VillageAsync(host, "Thôn Vĩnh Tuy");
        var me = await WorkflowData.VillageAsync(host, "Thôn Châu Me");
        for (var i = 0; i < 7; i++) await WorkflowData.PetitionAsync(host, d.Id, $"Người {i}", i % 2 == 0 ? tuyen.Id : me.Id);
        var first = await WorkflowData.PetitionAsync(host, d.Id, "Người giao", tuyen.Id);
        await host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, first.Id, first.Version, await WorkflowData.DepartmentIdAsync(host));
        var query = host.Get<PetitionQuery>();

        var page2 = await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { Skip = 5, Take = 5, Sort = PetitionSort.Code });
        Assert.Equal(8, page2.Total);
        Assert.Equal(["KN-2026-006", "KN-2026-007", "KN-2026-008"], page2.Rows.Select(r => r.Code));
        Assert.Equal(5, (await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { VillageId = tuyen.Id })).Total);
        Assert.Equal(1, (await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { State = PetitionState.Assigned })).Total);
        var byVillage = await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { Sort = PetitionSort.Village, Take = 50 });
        Assert.Equal("Thôn Vĩnh Tuy", byVillage.Rows[0].VillageName); // added first, so first in the commune's order
    }

    [Fact]
    public async Task Overdue_lists_only_answers_past_their_deadline()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14)); // answers due Fri 3/4/2026
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        await host.Get<PetitionService>().AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, await WorkflowData.DepartmentIdAsync(host));
        var query = host.Get<PetitionQuery>();
        Assert.Equal(0, (await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { OverdueOnly = true })).Total);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 6, 2, 0, 0, TimeSpan.Zero)); // Mon 6/4
        var overdue = await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter { OverdueOnly = true });
        var row = Assert.Single(overdue.Rows);
        Assert.Equal(-1, row.WorkingDaysLeft);
    }

    [Fact]
    public async Task An_officer_lists_only_its_department_and_never_sees_phones()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var mine = await WorkflowData.PetitionAsync(host, d.Id, "Của tôi");
        var theirs = await WorkflowData.PetitionAsync(host, d.Id, "Của bộ phận khác");
        var dept = await WorkflowData.DepartmentIdAsync(host);
        var police = await WorkflowData.DepartmentIdAsync(host, "Công an xã");
        var service = host.Get<PetitionService>();
        await service.AssignAsync(CoreTestHost.Secretary, mine.Id, mine.Version, dept);
        await service.AssignAsync(CoreTestHost.Secretary, theirs.Id, theirs.Version, police);
        var query = host.Get<PetitionQuery>();

        var page = await query.FindAsync(WorkflowData.OfficerOf(dept), new PetitionFilter());
        var row = Assert.Single(page.Rows);
        Assert.Equal("Của tôi", row.PetitionerName);
        Assert.Null(row.Phone);
        await Assert.ThrowsAsync<ForbiddenException>(() => query.FindAsync(WorkflowData.OfficerOf(dept), new PetitionFilter { DepartmentId = police }));
        Assert.Equal("0905123456", (await query.FindAsync(CoreTestHost.Secretary, new PetitionFilter())).Rows[0].Phone);
    }
}
