using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Departments;

namespace PhoChau.Tests.Core.Departments;

public sealed class DepartmentServiceTests
{
    [Fact]
    public async Task A_new_database_has_the_plans_departments_and_bodies()
    {
        await using var host = await CoreTestHost.StartAsync();
        var all = await host.Get<DepartmentService>().ListAsync();
        Assert.Equal(ReferenceUnits.Departments, all.Where(d => d.Kind == UnitKind.Department).Select(d => d.Name));
        Assert.Contains(all, d => d.Kind == UnitKind.ParticipatingBody && d.Name == "Ủy ban Mặt trận Tổ quốc Việt Nam xã");
        Assert.Contains(all, d => d.Name == "Địa chính - Nông nghiệp - Xây dựng và Môi trường");
    }

    [Fact]
    public async Task An_administrator_adds_renames_and_deactivates_a_department()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DepartmentService>();
        var added = await service.AddAsync(CoreTestHost.Admin, "  Bộ phận   Một cửa ", UnitKind.Department);
        Assert.Equal("Bộ phận Một cửa", added.Name);

        await service.RenameAsync(CoreTestHost.Admin, added.Id, "Bộ phận Tiếp nhận và trả kết quả");
        await service.SetActiveAsync(CoreTestHost.Admin, added.Id, false);

        var stored = (await service.ListAsync()).Single(d => d.Id == added.Id);
        Assert.Equal("Bộ phận Tiếp nhận và trả kết quả", stored.Name);
        Assert.False(stored.IsActive);
        Assert.DoesNotContain(await service.ListAsync(includeInactive: false), d => d.Id == added.Id);
    }

    [Theory]
    [InlineData("", "Tên không được để trống.")]
    [InlineData("   ", "Tên không được để trống.")]
    [InlineData("tư pháp - hộ tịch", "Đã có bộ phận tên")]
    [InlineData("Tu phap - Ho tich", "Đã có bộ phận tên")]
    public async Task Bad_names_are_refused_with_a_Vietnamese_message_and_nothing_saved(string name, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DepartmentService>();
        var before = (await service.ListAsync()).Count;
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.AddAsync(CoreTestHost.Admin, name, UnitKind.Department));
        Assert.Contains(message, ex.Message);
        Assert.Equal(before, (await service.ListAsync()).Count);
    }

    [Fact]
    public async Task An_over_long_name_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<DepartmentService>().AddAsync(CoreTestHost.Admin, new string('a', 151), UnitKind.Department));
        Assert.Contains("150", ex.Message);
    }

    [Fact]
    public async Task Renaming_to_another_units_name_is_refused_and_the_old_name_kept()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DepartmentService>();
        var target = (await service.ListAsync()).First(d => d.Name == "Công an xã");
        await Assert.ThrowsAsync<DomainException>(() => service.RenameAsync(CoreTestHost.Admin, target.Id, "Văn phòng - Thống kê"));
        Assert.Equal("Công an xã", (await service.ListAsync()).Single(d => d.Id == target.Id).Name);
    }

    [Fact]
    public async Task A_viewer_or_a_secretary_cannot_change_departments()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DepartmentService>();
        var id = (await service.ListAsync()).First().Id;
        await Assert.ThrowsAsync<ForbiddenException>(() => service.AddAsync(CoreTestHost.Viewer, "Bộ phận mới", UnitKind.Department));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.RenameAsync(CoreTestHost.Secretary, id, "Tên khác"));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SetActiveAsync(CoreTestHost.Officer(id), id, false));
        await using var db = host.NewDb();
        Assert.False(await db.Departments.AnyAsync(d => d.Name == "Bộ phận mới" || d.Name == "Tên khác" || !d.IsActive));
    }

    [Fact]
    public async Task Villages_are_added_by_the_administrator_and_deactivated_not_deleted()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<VillageService>();
        var v = await service.AddAsync(CoreTestHost.Admin, "Thôn Vĩnh Tuy");
        await Assert.ThrowsAsync<DomainException>(() => service.AddAsync(CoreTestHost.Admin, "thôn vĩnh tuy"));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.AddAsync(CoreTestHost.Viewer, "Thôn Mới"));
        await service.SetActiveAsync(CoreTestHost.Admin, v.Id, false);
        var all = await service.ListAsync();
        Assert.Single(all);
        Assert.False(all[0].IsActive);
    }
}
