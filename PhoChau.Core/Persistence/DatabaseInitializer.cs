using Microsoft.Extensions.Options;
// StartFacts has Roles of its own.
using RoleNames = PhoChau.Core.Security.Roles;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoChau.Core.Backups;
using PhoChau.Core.Departments;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PhoChau.Core.Petitions;

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
        // The model begun as the process started (ModelHeadStart): used before it is done, a context would build a second.
        if (services.GetService<ModelHeadStart>() is { } headStart) await headStart.WaitAsync();
        var factory = services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        // Several portal nodes may start at once against one PostgreSQL: one at a time migrates and seeds.
        await using var startLock = await StartLock.AcquireAsync(factory, ct);
        bool seeded;
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
                log.LogInformation("Đã sao lưu vào {File} trước khi cập nhật cơ sở dữ liệu. / Backed up before applying migrations.", backup.FullPath);
            }
            // Nothing to apply (every start but an upgrade's): EF's migrator, with its lock table and checks, costs
            // a fifth of a second of a 2-core laptop's start for nothing (startup benchmark).
            if (pending) await db.Database.MigrateAsync(ct);
            // WAL lets the projector's reads go on while the secretary writes; the mode is stored in the file.
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            // Every morning's start finds it all seeded: one read says so (the seeding's and the accounts' own checks
            // are eight queries compiled anew at each start, 0.3 s of a 2-core laptop's start: startup benchmark).
            var facts = await StartFacts.ReadAsync(db, ct);
            if (facts.CommuneProfiles > 1) CommuneScope.MarkSeveral(db.DatabaseKey);
            seeded = !pending && facts.AllSeeded(seed);
            if (!seeded)
            {
                await SeedReferenceDataAsync(db, ct);
                if (await db.CommuneProfiles.IgnoreQueryFilters().CountAsync(ct) > 1) CommuneScope.MarkSeveral(db.DatabaseKey);
            }
        }
        // Scans from before attachments were sealed at rest (or put back by hand) are sealed now, on every start.
        await services.GetRequiredService<AttachmentCipher>().SealExistingAsync(
            services.GetRequiredService<IOptions<AttachmentOptions>>().Value.Root, factory, ct);
        if (seeded) return null;

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
            log.LogInformation("Đã tạo tài khoản quản trị đầu tiên '{User}'. / Created the first administrator account.", AdminUserName);
        }
        if (!string.IsNullOrEmpty(seed.ProvinceAdminPassword) && await users.FindByNameAsync(ProvinceAdminUserName) is null)
        {
            var province = new AppUser { UserName = ProvinceAdminUserName, FullName = "Quản trị cấp tỉnh", CommuneId = null };
            var result = await users.CreateAsync(province, seed.ProvinceAdminPassword);
            if (!result.Succeeded)
                throw new InvalidOperationException(CoreText.Format("Users.AdminCreateFailed", string.Join(" ", result.Errors.Select(e => e.Description))));
            await users.AddToRoleAsync(province, Roles.ProvinceAdministrator);
            log.LogInformation("Đã tạo tài khoản quản trị của tỉnh '{User}'. / Created the province administrator account.", ProvinceAdminUserName);
        }
        return generated;
    }

    public const string ProvinceAdminUserName = "tinh";

    /// <summary>What seeding would find, in one read (table and column names from the model, for either provider).</summary>
    internal sealed record StartFacts(long CommuneProfiles, long OwnProfile, long OwnDepartments, long Roles, long Administrators, long ProvinceAdministrators)
    {
        /// <summary>The first commune's profile and units, every role, an administrator, and the province's account when one is asked for.</summary>
        public bool AllSeeded(SeedOptions seed) =>
            OwnProfile > 0 && OwnDepartments > 0 && Roles == AllRoles.Count && Administrators > 0
            && (string.IsNullOrEmpty(seed.ProvinceAdminPassword) || ProvinceAdministrators > 0);

        private static readonly IReadOnlyList<string> AllRoles = [.. RoleNames.All, .. RoleNames.Province];

        public static async Task<StartFacts> ReadAsync(PhoChauDbContext db, CancellationToken ct)
        {
            string Table<T>() => Quote(db.Model.FindEntityType(typeof(T))!.GetTableName()!);
            string Column<T>(string property) => Quote(db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetColumnName());
            static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var cmd = db.Database.GetDbConnection().CreateCommand();
                cmd.CommandText = $"""
                    SELECT (SELECT COUNT(*) FROM {Table<CommuneProfile>()}),
                      (SELECT COUNT(*) FROM {Table<CommuneProfile>()} WHERE {Column<CommuneProfile>(nameof(CommuneProfile.Id))} = @commune),
                      (SELECT COUNT(*) FROM {Table<Department>()} WHERE {Column<Department>(nameof(Department.CommuneId))} = @commune),
                      (SELECT COUNT(*) FROM {Table<IdentityRole>()} WHERE {Column<IdentityRole>(nameof(IdentityRole.NormalizedName))} IN ({string.Join(", ", AllRoles.Select((_, i) => "@r" + i))})),
                      (SELECT COUNT(*) FROM {Table<AppUser>()} WHERE {Column<AppUser>(nameof(AppUser.NormalizedUserName))} = @admin)
                        + (SELECT COUNT(*) FROM {Table<IdentityUserRole<string>>()} ur JOIN {Table<IdentityRole>()} r ON r.{Column<IdentityRole>(nameof(IdentityRole.Id))} = ur.{Column<IdentityUserRole<string>>(nameof(IdentityUserRole<string>.RoleId))}
                           WHERE r.{Column<IdentityRole>(nameof(IdentityRole.NormalizedName))} = @administrator),
                      (SELECT COUNT(*) FROM {Table<AppUser>()} WHERE {Column<AppUser>(nameof(AppUser.NormalizedUserName))} = @province)
                    """;
                void Add(string name, object value)
                {
                    var p = cmd.CreateParameter();
                    p.ParameterName = name;
                    p.Value = value;
                    cmd.Parameters.Add(p);
                }
                Add("@commune", CommuneScope.Default);
                // Identity's default normaliser: upper case, invariant culture.
                for (var i = 0; i < AllRoles.Count; i++) Add("@r" + i, AllRoles[i].ToUpperInvariant());
                Add("@admin", AdminUserName.ToUpperInvariant());
                Add("@administrator", RoleNames.Administrator.ToUpperInvariant());
                Add("@province", ProvinceAdminUserName.ToUpperInvariant());
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                return new StartFacts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

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
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                try { await creator.CreateAsync(ct); }
                catch (PostgresException e) when (e.SqlState is "42P04" or "23505") { } // created meanwhile by another node
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
