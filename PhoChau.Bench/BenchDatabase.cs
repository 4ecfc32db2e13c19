using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PhoChau.Core;
using PhoChau.Core.Persistence;

namespace PhoChau.Bench;

/// <summary>Core services over a fresh, migrated SQLite file in a temp folder, as the portal runs them.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("phochau-bench").FullName;
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;
    public ServiceProvider Services { get; }

    /// <summary>PostgreSQL or SQLite, as the benchmark ran.</summary>
    public string Provider => _postgresDatabase is null ? "SQLite" : "PostgreSQL";

    /// <summary>
    /// The PostgreSQL server the province benchmarks use: PHOCHAU_TEST_POSTGRES, as for the tests
    /// (`source .ci/postgres.sh start`); each run gets a database of its own, dropped at the end.
    /// </summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("PHOCHAU_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    private BenchDatabase(string? postgresServer = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider, Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider>();
        if (postgresServer is null)
            services.AddPhoChauDatabase($"Data Source={Path.Combine(_dir, "bench.db")}", _dir);
        else
        {
            _postgresServer = postgresServer;
            _postgresDatabase = $"phochau_bench_{Guid.NewGuid():N}";
            services.AddPhoChauPostgres(new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = _postgresDatabase }.ConnectionString, _dir);
        }
        PhoChau.Core.Security.IdentityRules.AddPhoChauIdentity(services).AddDefaultTokenProviders();
        services.AddPhoChauCore();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public static async Task<BenchDatabase> CreateAsync(string? postgresServer = null, Action<IServiceCollection>? configure = null)
    {
        var db = new BenchDatabase(postgresServer, configure);
        await db.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(new SeedOptions { AdminPassword = "Bench12345" });
        return db;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(_postgresServer) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
