using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using PhoChau.Portal;
using PhoChau.Portal.Hosting;

namespace PhoChau.Tests.Portal.Hosting;

/// <summary>The first start of a commune's laptop: the generated administrator password cannot be lost, and can be reset.</summary>
public sealed class FirstStartTests
{
    private static string[] Args(string dir, string url) =>
        ["--urls", url, "--environment", "Testing", "--contentRoot", dir, "--Data:Root", dir, "--Backup:Daily", "false",
         "--ConnectionStrings:Default", $"Data Source={Path.Combine(dir, "portal.db")}"];

    [Fact]
    public async Task A_start_that_fails_after_creating_the_administrator_keeps_the_password_until_the_first_sign_in()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-first").FullName;
        var kept = Path.Combine(dir, "keys", FirstAdminPassword.FileName);
        using (var taken = new TcpListener(IPAddress.Loopback, 0))
        {
            taken.Start();
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            // The port is taken: the start fails after the database and the first administrator were made.
            Assert.Equal(1, await PortalApp.RunAsync(Args(dir, $"http://127.0.0.1:{port}")));
        }
        Assert.True(File.Exists(kept));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept)); // the portal's account only
        var lines = await File.ReadAllLinesAsync(kept);
        Assert.Equal("admin", lines[0]);
        var password = lines[1];

        var app = PortalApp.Build(Args(dir, "http://127.0.0.1:0"));
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            // Shown once it listens: which address to open, the data folder, and the password kept.
            var banner = string.Join("\n", app.Services.GetServices<IHostedService>().OfType<StartupBanner>().Single().Lines());
            Assert.Contains(baseUrl, banner);
            Assert.Contains(dir, banner);
            Assert.Contains(password, banner);
            Assert.Contains("Mở từ các máy trong hội trường", banner);

            await PortalSignIn.CookiesAsync(baseUrl, "admin", password); // the kept password works...
            Assert.False(File.Exists(kept)); // ...and, once used, is kept no longer
            Assert.DoesNotContain(password, string.Join("\n", app.Services.GetServices<IHostedService>().OfType<StartupBanner>().Single().Lines()));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task A_forgotten_administrator_password_is_reset_from_the_command_line_and_the_account_opened_again()
    {
        await using var portal = await RunningPortal.StartAsync();
        var data = portal.DataRoot;
        string[] config = ["--Data:Root", data, "--ConnectionStrings:Default", $"Data Source={Path.Combine(data, "portal.db")}"];
        // The account was locked (deactivated by another administrator, since gone).
        var accounts = portal.Services.GetRequiredService<PhoChau.Core.Security.UserAdminService>();
        var other = new PhoChau.Core.Security.Actor("other-id", "quantri2", new HashSet<string> { PhoChau.Core.Security.Roles.Administrator });
        var admin = (await accounts.ListAsync(other)).Single(u => u.UserName == "admin");
        await accounts.SetActiveAsync(other, admin.Id, false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalSignIn.CookiesAsync(portal.BaseUrl, "admin", PortalFactory.AdminPassword));

        var output = new StringWriter();
        Assert.Equal(0, await PortalCommands.RunAsync(["reset-admin-password", .. config], output));
        var newPassword = output.ToString().Split('\n').Single(l => l.StartsWith("Mật khẩu mới")).Split(':')[^1].Trim();
        Assert.Equal(16, newPassword.Length);
        await PortalSignIn.CookiesAsync(portal.BaseUrl, "admin", newPassword);

        var chosen = new StringWriter();
        Assert.Equal(0, await PortalCommands.RunAsync(["reset-admin-password", "--user", "admin", "--password", "MatKhauMoi2026", .. config], chosen));
        await PortalSignIn.CookiesAsync(portal.BaseUrl, "admin", "MatKhauMoi2026");

        var refused = new StringWriter();
        Assert.Equal(1, await PortalCommands.RunAsync(["reset-admin-password", "--user", "khong-co", .. config], refused));
        Assert.Contains("Không có tài khoản \"khong-co\"", refused.ToString());
    }
}
