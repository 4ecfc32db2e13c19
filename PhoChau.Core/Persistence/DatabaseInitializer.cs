using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoChau.Core.Backups;
using PhoChau.Core.Departments;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Every start: refuse a database from a newer portal, back up before any migration, migrate, switch to WAL,
/// seal scans still stored in clear, seed roles, the commune, its units and `admin` on the first start.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> log)
{
    public const string AdminUserName = "admin";

    /// <returns>The generated admin password when one had to be generated, else null.</returns>
    public async Task<string?> InitializeAsync(SeedOptions seed, CancellationToken ct = default)
    {
        // Start-up works for the installation's first commune, by name: a province's database never lets a flow without one through.
        using var commune = CommuneScope.Enter(CommuneScope.Default);
        var factory = services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        // Several portal nodes may start at once against one PostgreSQL: one at a time migrates and seeds.
        await using var startLock = await StartLock.AcquireAsync(factory, ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var (newer, toApply) = MigrationCheck.Compare(db);
            if (newer.Count > 0) throw new NewerDatabaseException(newer[^1]);
            // An upgrade never costs a record: the data as it was is zipped before the schema changes.
            var sqlite = db.Database.IsSqlite();
            // On PostgreSQL the server's own backups (pg_dump) are the province's; the zip backup is SQLite's.
            var pending = toApply.Count > 0;
            if (sqlite && pending && (await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            {
                var backup = await services.GetRequiredService<BackupService>().CreateAsync(BackupReason.BeforeMigration, ct: ct);
                log.LogInformation("Backed up to {File} before applying migrations.", backup.FullPath);
            }
            // Nothing to apply (every start but an upgrade's): EF's migrator, with its lock table and checks, costs
            // a fifth of a second of a 2-core laptop's start for nothing (startup benchmark).
            if (pending) await db.Database.MigrateAsync(ct);
            // WAL lets the projector's reads go on while the secretary writes; the mode is stored in the file.
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            await SeedReferenceDataAsync(db, ct);
            if (await db.CommuneProfiles.IgnoreQueryFilters().CountAsync(ct) > 1) CommuneScope.MarkSeveral(db.DatabaseKey);
        }
        // Scans from before attachments were sealed at rest (or put back by hand) are sealed now, on every start.
        await services.GetRequiredService<Petitions.AttachmentCipher>().SealExistingAsync(
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Petitions.AttachmentOptions>>().Value.Root, factory, ct);

        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Concat(Roles.Province))
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        string? generated = null;
        if (await users.FindByNameAsync(AdminUserName) is null && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0)
        {
            var password = seed.AdminPassword;
            if (string.IsNullOrEmpty(password)) password = generated = GeneratePassword();
            var admin = new AppUser { UserName = AdminUserName, FullName = "Quản trị hệ thống" };
            var result = await users.CreateAsync(admin, password);
            if (!result.Succeeded)
                throw new InvalidOperationException(CoreText.Format("Users.AdminCreateFailed", string.Join(" ", result.Errors.Select(e => e.Description))));
            await users.AddToRoleAsync(admin, Roles.Administrator);
            log.LogInformation("Created the first administrator account '{User}'.", AdminUserName);
        }
        if (!string.IsNullOrEmpty(seed.ProvinceAdminPassword) && await users.FindByNameAsync(ProvinceAdminUserName) is null)
        {
            var province = new AppUser { UserName = ProvinceAdminUserName, FullName = "Quản trị cấp tỉnh", CommuneId = null };
            var result = await users.CreateAsync(province, seed.ProvinceAdminPassword);
            if (!result.Succeeded)
                throw new InvalidOperationException(CoreText.Format("Users.AdminCreateFailed", string.Join(" ", result.Errors.Select(e => e.Description))));
            await users.AddToRoleAsync(province, Roles.ProvinceAdministrator);
            log.LogInformation("Created the province administrator account '{User}'.", ProvinceAdminUserName);
        }
        return generated;
    }

    public const string ProvinceAdminUserName = "tinh";

    private static Task SeedReferenceDataAsync(PhoChauDbContext db, CancellationToken ct) => SeedCommuneAsync(db, new CommuneProfile(), ct);

    /// <summary>A commune's own starting data: its profile and the plan's departments and bodies (in the context's commune).</summary>
    internal static async Task SeedCommuneAsync(PhoChauDbContext db, CommuneProfile profile, CancellationToken ct)
    {
        if (!await db.CommuneProfiles.AnyAsync(ct)) db.CommuneProfiles.Add(profile);
        if (!await db.Departments.AnyAsync(ct))
        {
            var order = 0;
            foreach (var name in ReferenceUnits.Departments)
                db.Departments.Add(new Department { Name = name, Kind = UnitKind.Department, SortOrder = ++order });
            order = 0;
            foreach (var name in ReferenceUnits.ParticipatingBodies)
                db.Departments.Add(new Department { Name = name, Kind = UnitKind.ParticipatingBody, SortOrder = ++order });
        }
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(Actor.System, ct);
    }

    /// <summary>PostgreSQL's session advisory lock, held on a connection of its own until start-up is done.</summary>
    private sealed class StartLock(PhoChauDbContext? db) : IAsyncDisposable
    {
        private const long Key = 0x50686F4368617531; // "PhoChau1"

        public static async Task<StartLock> AcquireAsync(IDbContextFactory<PhoChauDbContext> factory, CancellationToken ct)
        {
            var db = await factory.CreateDbContextAsync(ct);
            if (db.Database.IsSqlite()) { await db.DisposeAsync(); return new StartLock(null); } // one portal per data folder already
            // The lock lives in the database: a new one is created first (two nodes may both try; one wins).
            var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                try { await creator.CreateAsync(ct); }
                catch (Npgsql.PostgresException e) when (e.SqlState is "42P04" or "23505") { } // created meanwhile by another node
            }
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", ct);
            return new StartLock(db);
        }

        public async ValueTask DisposeAsync()
        {
            if (db is null) return;
            try { await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})"); }
            finally { await db.DisposeAsync(); } // closing the session releases it anyway
        }
    }

    /// <summary>16 characters from an alphabet without look-alikes, with at least one digit.</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i % 4 == 3 ? digits[RandomNumberGenerator.GetInt32(digits.Length)] : letters[RandomNumberGenerator.GetInt32(letters.Length)];
        return new string(chars);
    }
}
