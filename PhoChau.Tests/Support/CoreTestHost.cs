using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PhoChau.Core;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Support;

/// <summary>
/// Core services over a real, migrated database of their own, deleted on dispose: a SQLite file, or, when
/// PHOCHAU_TEST_PROVIDER=PostgreSQL and PHOCHAU_TEST_POSTGRES gives a server (.ci/postgres.sh starts one), a fresh
/// PostgreSQL database on it.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "phochau-tests", Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; }

    /// <summary>Leaves the data folder on dispose (a test starts another host over it: a restart).</summary>
    public bool KeepFolder { get; set; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    public string DataRoot => _dir;
    private readonly string _databasePath;
    public string DatabasePath => _databasePath;
    public string AttachmentsRoot => Path.Combine(_dir, "attachments");
    private readonly string? _postgresDatabase;

    /// <summary>Whether this host runs on PostgreSQL (tests of SQLite's own behaviour skip there).</summary>
    public bool OnPostgres => _postgresDatabase is not null;

    private CoreTestHost(Action<IServiceCollection>? configure, string? dir = null, string? databasePath = null)
    {
        if (dir is not null) _dir = dir;
        _databasePath = databasePath ?? Path.Combine(_dir, "test.db");
        Directory.CreateDirectory(_dir);
        TestSigning.Trust(_dir); // the test root on the trust list, as an administrator puts the Government CA root there
        var services = new ServiceCollection();
        // Keys on disk, as the portal keeps them: a host started again over the same folder opens the sealed scans.
        services.AddDataProtection().SetApplicationName("PhoChau.Portal").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(_dir, "keys")));
        AddCoreServices(services, Clock, persistentKeys: true);
        if (TestPostgres.CoreTestsOnPostgres && TestPostgres.ConnectionString is { } server && databasePath is null)
        {
            _postgresDatabase = "phochau_test_" + Guid.NewGuid().ToString("N");
            services.AddPhoChauPostgres(TestPostgres.For(server, _postgresDatabase), _dir);
        }
        else
            services.AddPhoChauDatabase($"Data Source={_databasePath}", _dir);
        services.Configure<PhoChau.Core.Petitions.AttachmentOptions>(o => o.Root = Path.Combine(_dir, "attachments"));
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public static async Task<CoreTestHost> StartAsync(string adminPassword = "Admin12345", Action<IServiceCollection>? configure = null)
    {
        var host = new CoreTestHost(configure);
        await host.Get<DatabaseInitializer>().InitializeAsync(new SeedOptions { AdminPassword = adminPassword });
        return host;
    }

    /// <summary>Core services over an existing database file (an older schema, a restored backup).</summary>
    public static async Task<CoreTestHost> StartAtAsync(string dir, string databasePath, string adminPassword = "Admin12345")
    {
        var host = new CoreTestHost(null, dir, databasePath);
        if (!host.Get<PhoChau.Core.Backups.BackupKey>().IsSet) host.UseBackupPassphrase(); // an upgrade backs up first
        await host.Get<DatabaseInitializer>().InitializeAsync(new SeedOptions { AdminPassword = adminPassword });
        return host;
    }

    /// <summary>What the Core services need besides a database: logging, keys, the clock, Identity's stores.</summary>
    public static IServiceCollection AddCoreServices(IServiceCollection services, TimeProvider clock, bool persistentKeys = false)
    {
        services.AddLogging();
        if (!persistentKeys)
            services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider, Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider>();
        services.AddSingleton(clock);
        services.AddPhoChauIdentity().AddDefaultTokenProviders();
        services.AddPhoChauCore();
        return services;
    }

    /// <summary>The passphrase test backups are sealed with.</summary>
    public const string BackupPassphrase = "mật khẩu sao lưu thử";

    /// <summary>Sets the backup passphrase (no backup is written without one); returns the host.</summary>
    public CoreTestHost UseBackupPassphrase()
    {
        Get<PhoChau.Core.Backups.BackupKey>().SetPassphrase(BackupPassphrase, Clock.GetUtcNow().UtcDateTime);
        return this;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PhoChauDbContext NewDb() => Get<IDbContextFactory<PhoChauDbContext>>().CreateDbContext();

    public static Actor Admin { get; } = new("admin-id", "admin", new HashSet<string> { Roles.Administrator });
    public static Actor Viewer { get; } = new("viewer-id", "xem", new HashSet<string> { Roles.Viewer });
    public static Actor Secretary { get; } = new("secretary-id", "thuky", new HashSet<string> { Roles.Secretary });
    public static Actor Chairman { get; } = new("chair-id", "chutich", new HashSet<string> { Roles.Chairman });
    public static Actor Officer(int departmentId) => new("officer-id", "canbo", new HashSet<string> { Roles.DepartmentOfficer }, departmentId);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null) await TestPostgres.DropAsync(_postgresDatabase);
        if (KeepFolder) return;
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
