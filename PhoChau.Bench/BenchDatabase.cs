using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PhoChau.Core;
using PhoChau.Core.Persistence;

namespace PhoChau.Bench;

/// <summary>Core services over a fresh, migrated SQLite file in a temp folder, as the portal runs them.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("phochau-bench").FullName;
    public ServiceProvider Services { get; }

    private BenchDatabase()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider, Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider>();
        services.AddPhoChauDatabase($"Data Source={Path.Combine(_dir, "bench.db")}", _dir);
        PhoChau.Core.Security.IdentityRules.AddPhoChauIdentity(services).AddDefaultTokenProviders();
        services.AddPhoChauCore();
        Services = services.BuildServiceProvider();
    }

    public static async Task<BenchDatabase> CreateAsync()
    {
        var db = new BenchDatabase();
        await db.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(new SeedOptions { AdminPassword = "Bench12345" });
        return db;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
