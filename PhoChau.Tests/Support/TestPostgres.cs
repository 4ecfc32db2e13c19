using Npgsql;

namespace PhoChau.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests may use: PHOCHAU_TEST_POSTGRES, a connection string without a database
/// (<c>.ci/postgres.sh start</c> sets it). Without it the Core tests run on SQLite only.
/// </summary>
public static class TestPostgres
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("PHOCHAU_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>PHOCHAU_TEST_PROVIDER=PostgreSQL: the Core service tests run on the server instead of SQLite files.</summary>
    public static bool CoreTestsOnPostgres => string.Equals(Environment.GetEnvironmentVariable("PHOCHAU_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The province's master key (Keys:MasterKeyFile) every PostgreSQL node of the tests shares: one file for the test run.</summary>
    public static string MasterKeyFile => MasterKey.Value;

    private static readonly Lazy<string> MasterKey = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("phochau-master").FullName, "master.key");
        File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)) + "\n");
        return path;
    });

    public const string SkipReason = "no PostgreSQL server: set PHOCHAU_TEST_POSTGRES (source .ci/postgres.sh start) to run the PostgreSQL tests";

    /// <summary>
    /// A new database of the test server for one test (skipped with the reason when there is no server), dropped when
    /// disposed. Declared first, it is dropped after everything the test opened on it.
    /// </summary>
    public static FreshDatabase Fresh(string prefix)
    {
        Assert.SkipWhen(ConnectionString is null, SkipReason);
        var name = $"{prefix}_{Guid.NewGuid():N}";
        return new FreshDatabase(name, For(ConnectionString!, name));
    }

    public sealed record FreshDatabase(string Name, string ConnectionString) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await DropAsync(Name);
    }

    public static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    /// <summary>Each test's database is dropped with it; connections still pooled to it are closed first.</summary>
    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>Runs SQL as the server's administrator (on its own `postgres` database): what a test does to a server.</summary>
    public static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(For(ConnectionString!, "postgres"));
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, admin);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs SQL on a test's own database.</summary>
    public static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row a query on a test's own database returns, as text.</summary>
    public static async Task<List<string>> QueryAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString()!);
        return rows;
    }
}
