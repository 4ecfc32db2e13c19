using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PhoChau.Core.Auditing;

namespace PhoChau.Core.Security;

/// <summary>
/// Accounts, managed by an administrator. Each operation takes its own scope (and so its own DbContext
/// behind UserManager): a Blazor circuit lives for hours and must not hold one.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, UserInputValidator validator, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        await using var ctx = await db.CreateDbContextAsync(ct);
        var roles = await (from ur in ctx.UserRoles join r in ctx.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        // Accounts are found by name at sign-in whatever their commune; an administrator manages only its commune's.
        var commune = CommuneScope.Current;
        var users = await ctx.Users.AsNoTracking().Where(u => u.CommuneId == commune).OrderBy(u => u.UserName).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserSummary(u.Id, u.UserName!, u.FullName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.DepartmentId, u.IsActive,
            u.LockoutEnd is { } end && end > now, u.Email)).ToList();
    }

    public async Task<string> CreateAsync(Actor actor, UserInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(input, ct);
        if (string.IsNullOrEmpty(input.Password)) throw DomainException.ForField(nameof(UserInput.Password), CoreText.Get("Users.PasswordEmpty"));
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await EnsureDepartmentAsync(scope, input, ct);
        var user = new AppUser
        {
            UserName = input.UserName,
            FullName = input.FullName.Trim(),
            DepartmentId = input.Role == Roles.DepartmentOfficer ? input.DepartmentId : null,
            CommuneId = CommuneScope.Current,
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
        };
        Check(await users.CreateAsync(user, input.Password));
        Check(await users.AddToRoleAsync(user, input.Role));
        await AuditAsync(scope, actor, user.Id, $"Tạo tài khoản {user.UserName} ({Roles.DisplayName(input.Role)})", ct);
        return user.Id;
    }

    public async Task UpdateAsync(Actor actor, string userId, UserInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await validator.EnsureValidAsync(input, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) is { } found && found.CommuneId == CommuneScope.Current
            ? found : throw new NotFoundException(CoreText.Get("Users.NotFound"));
        await EnsureDepartmentAsync(scope, input, ct);
        var oldRoles = await users.GetRolesAsync(user);
        if (user.Id == actor.UserId && oldRoles.Contains(Roles.Administrator) && input.Role != Roles.Administrator)
            throw new DomainException(CoreText.Get("Users.CannotDropOwnAdmin"));
        user.FullName = input.FullName.Trim();
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.DepartmentId = input.Role == Roles.DepartmentOfficer ? input.DepartmentId : null;
        Check(await users.UpdateAsync(user));
        if (!oldRoles.SequenceEqual([input.Role]))
        {
            Check(await users.RemoveFromRolesAsync(user, oldRoles));
            Check(await users.AddToRoleAsync(user, input.Role));
            // A new role is a new sign-in: its open screens and hub connections, signed in with the old role, end now
            // (Identity changes the stamp for a password, not for a role: a Viewer went on registering speakers).
            Check(await users.UpdateSecurityStampAsync(user));
        }
        await AuditAsync(scope, actor, user.Id,
            $"Cập nhật tài khoản {user.UserName}: {string.Join(", ", oldRoles.Select(Roles.DisplayName))} → {Roles.DisplayName(input.Role)}", ct);
    }

    public async Task ResetPasswordAsync(Actor actor, string userId, string newPassword, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        if (string.IsNullOrEmpty(newPassword)) throw new DomainException(CoreText.Get("Users.PasswordEmpty"));
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) is { } found && found.CommuneId == CommuneScope.Current
            ? found : throw new NotFoundException(CoreText.Get("Users.NotFound"));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(scope, actor, user.Id, $"Đặt lại mật khẩu cho {user.UserName}", ct);
    }

    /// <summary>
    /// For the day the administrator's password is forgotten: run on the server's console (`reset-admin-password`),
    /// where whoever can run it already holds the data folder. Sets a new password (generated unless given), opens the
    /// account again, ends its open sessions and records it in the audit trail. Only an administrator's account.
    /// </summary>
    public async Task<string> RecoverAdministratorAsync(string userName, string? newPassword = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new NotFoundException(CoreText.Format("Users.RecoverNoUser", userName));
        if (!await users.IsInRoleAsync(user, Roles.Administrator) && !await users.IsInRoleAsync(user, Roles.ProvinceAdministrator))
            throw new DomainException(CoreText.Format("Users.RecoverNotAdmin", userName));
        var password = string.IsNullOrEmpty(newPassword) ? DatabaseInitializer.GeneratePassword() : newPassword;
        // Checked against the password rules before the old password is removed: a refused one changes nothing.
        foreach (var rule in users.PasswordValidators) Check(await rule.ValidateAsync(users, user, password));
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.IsActive = true;
        Check(await users.UpdateAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(scope, new Actor("", CoreText.Get("Users.RecoverActor"), new HashSet<string>()), user.Id, $"Đặt lại mật khẩu quản trị cho {user.UserName} từ dòng lệnh máy chủ", ct);
        return password;
    }

    /// <summary>Deactivating locks the account for good; the user stays so old records keep their names.</summary>
    public async Task SetActiveAsync(Actor actor, string userId, bool active, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        if (!active && userId == actor.UserId) throw new DomainException(CoreText.Get("Users.CannotLockSelf"));
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) is { } found && found.CommuneId == CommuneScope.Current
            ? found : throw new NotFoundException(CoreText.Get("Users.NotFound"));
        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue));
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(scope, actor, user.Id, (active ? "Mở lại tài khoản " : "Khóa tài khoản ") + user.UserName, ct);
    }

    private static async Task EnsureDepartmentAsync(AsyncServiceScope scope, UserInput input, CancellationToken ct)
    {
        if (input.Role != Roles.DepartmentOfficer) return;
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var dept = await db.Departments.FindAsync([input.DepartmentId], ct);
        if (dept is null || !dept.IsActive) throw DomainException.ForField(nameof(UserInput.DepartmentId), CoreText.Get("Users.DepartmentInvalid"));
    }

    private static async Task AuditAsync(AsyncServiceScope scope, Actor actor, string userId, string what, CancellationToken ct)
    {
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(AuditEntry.By(actor, db.Clock.GetUtcNow().UtcDateTime, nameof(AppUser), userId, AuditAction.Updated,
            new AuditChange("Tài khoản", null, what)));
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(result.Errors.Select(e => new FieldRefusal(FieldOf(e.Code), e.Description)).ToList());
    }

    /// <summary>Which field of the account form an Identity error is about (its codes name it), so it is said there.</summary>
    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => nameof(UserInput.Password),
        _ when code.Contains("UserName", StringComparison.Ordinal) => nameof(UserInput.UserName),
        _ when code.Contains("Email", StringComparison.Ordinal) => nameof(UserInput.Email),
        _ => nameof(UserInput.Role),
    };
}
