using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PhoChau.Portal;

namespace PhoChau.Tests.Portal.Http;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_locked_database_file_ends_start_up_with_a_clear_log_line_and_exit_code_1()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-locked").FullName;
        var path = Path.Combine(dir, "locked.db");
        await using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        await holder.OpenAsync();
        await using (var cmd = holder.CreateCommand())
        {
            // Another program holds the file: an exclusive transaction blocks every reader and writer.
            cmd.CommandText = "CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);";
            await cmd.ExecuteNonQueryAsync();
        }
        var log = new ListLoggerProvider();

        var exit = await PortalApp.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--Data:Root", dir, "--Backup:Daily", "false", "--ConnectionStrings:Default", $"Data Source={path}", "--Seed:AdminPassword", "Admin12345"],
            b => b.Logging.AddProvider(log)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        Assert.Contains(log.Messages, m => m.Contains("Không mở được cơ sở dữ liệu") && m.Contains("locked"));
    }

    [Fact]
    public async Task A_read_only_database_ends_start_up_with_exit_code_1()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-ro").FullName;
        var path = Path.Combine(dir, "ro.db");
        await using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t(x);";
            await cmd.ExecuteNonQueryAsync();
        }
        var log = new ListLoggerProvider();
        var exit = await PortalApp.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--Data:Root", dir, "--Backup:Daily", "false", "--ConnectionStrings:Default", $"Data Source={path};Mode=ReadOnly", "--Seed:AdminPassword", "Admin12345"],
            b => b.Logging.AddProvider(log)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, exit);
        Assert.Contains(log.Messages, m => m.Contains("Không mở được cơ sở dữ liệu"));
    }

    [Fact]
    public async Task A_PostgreSQL_server_that_cannot_be_reached_ends_start_up_with_a_clear_line_and_exit_code_1()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-nopg").FullName;
        var port = PhoChau.Tests.Support.PortalProcess.FreePort(); // nothing listens there
        var log = new ListLoggerProvider();
        var exit = await PortalApp.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--Data:Root", dir, "--Backup:Daily", "false", "--Database:Provider", "PostgreSQL", "--Keys:MasterKeyFile", TestPostgres.MasterKeyFile,
             "--ConnectionStrings:Postgres", $"Host=127.0.0.1;Port={port};Username=postgres;Database=phochau;Timeout=3", "--Seed:AdminPassword", "Admin12345"],
            b => b.Logging.AddProvider(log)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, exit);
        Assert.Contains(log.Messages, m => m.Contains("Không kết nối được máy chủ PostgreSQL") && m.Contains("Cannot reach the PostgreSQL server"));
        Assert.DoesNotContain(log.Messages, m => m.Contains("   at "));
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider \"Oracle\" không hợp lệ")]
    [InlineData("PostgreSQL", null, "chưa có ConnectionStrings:Postgres")]
    public async Task A_wrong_provider_or_a_missing_connection_string_ends_start_up_with_one_line(string provider, string? connection, string message)
    {
        var dir = Directory.CreateTempSubdirectory("phochau-provider").FullName;
        string[] args = ["--urls", "http://127.0.0.1:0", "--Data:Root", dir, "--Database:Provider", provider, "--Seed:AdminPassword", "Admin12345"];
        if (connection is not null) args = [.. args, "--ConnectionStrings:Postgres", connection];
        var log = new ListLoggerProvider();
        // Refused while the host is built, before it has a logger: the line goes to the console; the exit code says it.
        var console = new StringWriter();
        var original = Console.Out;
        int exit;
        try
        {
            Console.SetOut(console);
            exit = await PortalApp.RunAsync(args, b => b.Logging.AddProvider(log)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally { Console.SetOut(original); }
        Assert.Equal(1, exit);
        Assert.Contains(message, console.ToString() + string.Join("\n", log.Messages));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];
        public ILogger CreateLogger(string categoryName) => new ListLogger(Messages);
        public void Dispose() { }

        private sealed class ListLogger(List<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lock (sink) sink.Add(formatter(state, exception));
            }
        }
    }
}
