using Microsoft.AspNetCore.Identity;
using PhoChau.Core.Common;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Core.Security;

public sealed class UserAdminServiceTests
{
    [Fact]
    public async Task First_start_creates_admin_with_the_configured_password()
    {
        await using var host = await CoreTestHost.StartAsync("Configured123");
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, "Configured123"));
        Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
    }

    [Fact]
    public async Task Without_a_configured_password_a_strong_one_is_generated_once()
    {
        await using var host = await CoreTestHost.StartAsync("Admin12345");
        // A second start must not create or reset anything.
        Assert.Null(await host.Get<DatabaseInitializer>().InitializeAsync(new SeedOptions()));
        var generated = DatabaseInitializer.GeneratePassword();
        Assert.Equal(16, generated.Length);
        Assert.Contains(generated, char.IsDigit);
    }

    [Fact]
    public async Task An_administrator_creates_a_department_officer_linked_to_one_department()
    {
        await using var host = await CoreTestHost.StartAsync();
        var svc = host.Get<UserAdminService>();
        var deptId = (await host.Get<PhoChau.Core.Departments.DepartmentService>().ListAsync()).First().Id;
        var id = await svc.CreateAsync(CoreTestHost.Admin, new UserInput
        {
            UserName = "tuphap", FullName = "Phạm Thị Hạnh", Role = Roles.DepartmentOfficer, DepartmentId = deptId, Password = "Matkhau2026",
        });
        var row = Assert.Single(await svc.ListAsync(CoreTestHost.Admin), u => u.Id == id);
        Assert.Equal((Roles.DepartmentOfficer, deptId), (row.Role, row.DepartmentId));
    }

    [Theory]
    [InlineData("", "Nguyễn Văn A", Roles.Viewer, "Matkhau2026", "Tên đăng nhập không được để trống.")]
    [InlineData("Có Dấu", "Nguyễn Văn A", Roles.Viewer, "Matkhau2026", "chữ thường không dấu")]
    [InlineData("canbo", "", Roles.Viewer, "Matkhau2026", "Họ tên không được để trống.")]
    [InlineData("canbo", "Nguyễn Văn A", Roles.DepartmentOfficer, "Matkhau2026", "phải thuộc một bộ phận")]
    [InlineData("canbo", "Nguyễn Văn A", Roles.Viewer, "short1", "ít nhất 8 ký tự")]
    [InlineData("canbo", "Nguyễn Văn A", Roles.Viewer, "khongcoso", "chữ số")]
    [InlineData("admin", "Nguyễn Văn A", Roles.Viewer, "Matkhau2026", "đã được sử dụng")]
    public async Task Bad_accounts_are_refused_in_Vietnamese(string user, string name, string role, string password, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var svc = host.Get<UserAdminService>();
        var before = (await svc.ListAsync(CoreTestHost.Admin)).Count;
        var ex = await Assert.ThrowsAsync<DomainException>(() => svc.CreateAsync(CoreTestHost.Admin,
            new UserInput { UserName = user, FullName = name, Role = role, Password = password }));
        Assert.Contains(message, ex.Message);
        Assert.Equal(before, (await svc.ListAsync(CoreTestHost.Admin)).Count);
    }

    [Fact]
    public async Task Only_an_administrator_manages_users()
    {
        await using var host = await CoreTestHost.StartAsync();
        var svc = host.Get<UserAdminService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => svc.ListAsync(CoreTestHost.Chairman));
        await Assert.ThrowsAsync<ForbiddenException>(() => svc.CreateAsync(CoreTestHost.Viewer,
            new UserInput { UserName = "x123", FullName = "X", Role = Roles.Administrator, Password = "Matkhau2026" }));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_lockout_follows_repeated_failures()
    {
        await using var host = await CoreTestHost.StartAsync();
        var svc = host.Get<UserAdminService>();
        var id = await svc.CreateAsync(CoreTestHost.Admin, new UserInput { UserName = "xem", FullName = "Người xem", Role = Roles.Viewer, Password = "Matkhau2026" });
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(id))!;
        for (var i = 0; i < IdentityRules.MaxFailedAttempts; i++) await users.AccessFailedAsync(user);
        Assert.True(await users.IsLockedOutAsync(user));

        await svc.SetActiveAsync(CoreTestHost.Admin, id, false);
        var row = Assert.Single(await svc.ListAsync(CoreTestHost.Admin), u => u.Id == id);
        Assert.False(row.IsActive);
        Assert.True(row.IsLockedOut);
    }
}
