using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace PhoChau.Tests.Portal.Hosting;

/// <summary>The built portal started as a service manager starts it: from /, with settings only in the environment.</summary>
public sealed partial class HostingTests
{
    private static string TempData() => Path.Combine(Directory.CreateTempSubdirectory("phochau-hosting").FullName, "data");

    [Fact]
    public async Task Started_from_another_folder_with_ASPNETCORE_URLS_it_listens_there_and_serves_the_sign_in_page_with_its_css_and_fonts()
    {
        var port = PortalProcess.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var data = TempData();
        await using var portal = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data });

        await portal.WaitHealthyAsync(url);

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var login = WebUtility.HtmlDecode(await http.GetStringAsync("/account/login"));
        Assert.Contains("Đăng nhập", login);
        var styles = StylesheetPattern().Matches(login).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(styles, s => s.Contains("MudBlazor"));
        foreach (var css in styles)
        {
            var response = await http.GetAsync(css.StartsWith('/') ? css : "/" + css);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/fonts/roboto/roboto-vietnamese-400-normal.woff2")).StatusCode);
        Assert.Contains($"Now listening on: {url}", portal.Output);
        Assert.DoesNotContain("5080", portal.Output);
        Assert.True(File.Exists(Path.Combine(data, "phochau.db")), "the database is in Data__Root");
        Assert.True(Directory.Exists(Path.Combine(data, "keys")) || File.Exists(Path.Combine(data, "portal.lock")));
    }

    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("Kestrel__Endpoints__Hall__Url")]
    public async Task The_standard_settings_choose_the_port(string setting)
    {
        var port = PortalProcess.FreePort();
        var value = setting == "ASPNETCORE_HTTP_PORTS" ? port.ToString() : $"http://127.0.0.1:{port}";
        await using var portal = PortalProcess.Start(new Dictionary<string, string> { [setting] = value, ["Data__Root"] = TempData() });

        await portal.WaitHealthyAsync($"http://127.0.0.1:{port}");
        Assert.DoesNotContain(":5080", portal.Output);
    }

    [Fact]
    public async Task A_port_already_in_use_ends_start_up_with_one_line_and_exit_code_1()
    {
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}";
            await using var portal = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = TempData() });

            Assert.Equal(1, await portal.WaitForExitAsync());
            AssertOneClearLine(portal, "Cổng mạng đã có chương trình khác dùng", "port is already in use");
        }
        finally
        {
            busy.Stop();
        }
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_ends_start_up_with_one_line_and_exit_code_1()
    {
        var parent = Directory.CreateTempSubdirectory("phochau-hosting").FullName;
        var file = Path.Combine(parent, "a-file");
        await File.WriteAllTextAsync(file, "x");
        await using var portal = PortalProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PortalProcess.FreePort()}", ["Data__Root"] = Path.Combine(file, "data"),
        });

        Assert.Equal(1, await portal.WaitForExitAsync());
        AssertOneClearLine(portal, "Không ghi được vào thư mục dữ liệu", "not writable");
    }

    [Fact]
    public async Task A_database_from_a_newer_portal_ends_start_up_with_one_line_and_exit_code_1_and_is_left_as_it_was()
    {
        var data = TempData();
        var url = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        await using (var first = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data }))
            await first.WaitHealthyAsync(url);
        var db = Path.Combine(data, "phochau.db");
        await using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await cmd.ExecuteNonQueryAsync();
        }
        var before = BackupData.Dump(db);

        await using var portal = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data });

        Assert.Equal(1, await portal.WaitForExitAsync());
        AssertOneClearLine(portal, "phiên bản mới hơn", "newer version");
        Assert.Equal(before, BackupData.Dump(db));
        Assert.False(Directory.Exists(Path.Combine(data, "backups")) && Directory.EnumerateFiles(Path.Combine(data, "backups")).Any());
    }

    [Fact]
    public async Task An_upgrade_without_a_backup_passphrase_stops_with_the_exact_command_and_that_command_lets_the_next_start_upgrade()
    {
        var data = TempData();
        var url = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        await using (var first = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data }))
            await first.WaitHealthyAsync(url);
        // The database as the previous release left it: the next start must back up first.
        PreviousRelease.MigrateBack(Path.Combine(data, "phochau.db"));

        await using (var stopped = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data }))
        {
            Assert.Equal(1, await stopped.WaitForExitAsync());
            AssertOneClearLine(stopped, "Chưa đặt mật khẩu sao lưu", "No backup passphrase is set");
            var line = stopped.Lines.Single(l => l.Contains("set-backup-passphrase"));
            // The command as printed: this program, the command, this data folder; no page of a portal that is not running.
            Assert.Contains($"set-backup-passphrase --Data:Root {data}", line);
            Assert.DoesNotContain("trang Sao lưu", line);
            var command = line[(line.IndexOf(": ", line.IndexOf("Hãy chạy lệnh", StringComparison.Ordinal), StringComparison.Ordinal) + 2)..line.IndexOf(" / ", StringComparison.Ordinal)];
            var words = command.Split(' ');
            Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(words[0]));
            Assert.Equal(PortalProcess.PortalDll(), words[1]);

            // Typed as printed (the passphrase from the environment, as a script gives it): the next start upgrades.
            await using var set = PortalProcess.Start(new Dictionary<string, string> { ["PHOCHAU_BACKUP_PASSPHRASE"] = CoreTestHost.BackupPassphrase }, executable: words[0],
                workingDirectory: "/", args: words[1..]);
            Assert.Equal(0, await set.WaitForExitAsync());
        }
        await using var upgraded = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data });
        await upgraded.WaitHealthyAsync(url);
        Assert.Single(Directory.GetFiles(Path.Combine(data, "backups"), "phochau-*-truoc-nang-cap.zip"));
    }

    [Fact]
    public async Task A_second_portal_on_the_same_data_folder_is_refused_with_one_line()
    {
        var data = TempData();
        var url = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        await using var first = PortalProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data });
        await first.WaitHealthyAsync(url);

        await using var second = PortalProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PortalProcess.FreePort()}", ["Data__Root"] = data,
        });

        Assert.Equal(1, await second.WaitForExitAsync());
        AssertOneClearLine(second, "Một Cổng đối thoại khác đang chạy", "Another portal is already running");
    }

    /// <summary>The reason is on one line, in Vietnamese and English, and no stack trace is printed.</summary>
    private static void AssertOneClearLine(PortalProcess portal, string vietnamese, string english)
    {
        var lines = portal.Lines.Where(l => l.Contains(vietnamese)).ToList();
        Assert.True(lines.Count == 1, $"one line with the reason expected:\n{portal.Output}");
        Assert.Contains(english, lines[0]);
        Assert.True(!portal.Lines.Any(l => l.StartsWith("at ") || l.Contains("Exception:") || l.Contains("--- End of")), portal.Output);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetPattern();
}
