using Microsoft.Extensions.Logging;
using PhoChau.Portal;
using PhoChau.Portal.Hosting;

namespace PhoChau.Tests.Portal.Hosting;

/// <summary>The data folder (database, scans, backups, keys) is the portal account's alone on Linux, checked at every start.</summary>
public sealed class DataFolderAccessTests
{
    [Fact]
    public async Task A_data_folder_open_to_other_accounts_is_closed_at_start_and_the_start_says_so()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes: Windows keeps the rights of C:\\ProgramData\\PhoChau.");
            return;
        }
        var dir = Directory.CreateTempSubdirectory("phochau-access").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // 0755, as a folder made with the default umask
        var scans = Directory.CreateDirectory(Path.Combine(dir, "attachments")).FullName;
        var scan = Path.Combine(scans, "cccd.jpg");
        await File.WriteAllBytesAsync(scan, [0xFF, 0xD8, 0xFF]);
        File.SetUnixFileMode(scan, (UnixFileMode)0b110_100_100); // 0644

        var logs = new List<string>();
        var app = PortalApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing", "--contentRoot", dir, "--Data:Root", dir,
            "--Backup:Daily", "false", "--Seed:AdminPassword", "Admin12345", "--ConnectionStrings:Default", $"Data Source={Path.Combine(dir, "portal.db")}"],
            b => b.Logging.AddProvider(new ListLogger(logs)));
        await app.StartAsync();
        try
        {
            Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(dir));
            Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(scans));
            Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(scan));
            Assert.Equal(0, (int)(File.GetUnixFileMode(Path.Combine(dir, "portal.db")) & (UnixFileMode)0b000_111_111));
            lock (logs) Assert.Contains(logs, l => l.Contains("Thư mục dữ liệu") && l.Contains("0700"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        // Already closed: the next start finds nothing to tighten and says nothing.
        Assert.False(DataFolderAccess.Tighten(dir));
    }

    private sealed class ListLogger(List<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines) lines.Add(formatter(state, exception));
        }
    }
}
