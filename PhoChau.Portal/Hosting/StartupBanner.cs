using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PhoChau.Portal.Features.Citizens;

using PhoChau.Core.Backups;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// Once the portal listens (never before: a start that fails must not look like one that worked), a few lines in
/// Vietnamese and English say which address the hall's other screens open, where the data is, and, until the first
/// administrator has signed in, that account's password, and, until one is set, that backups wait for their passphrase.
/// </summary>
public sealed class StartupBanner(IServer server, DataFolder data, FirstAdminPassword firstAdmin, PublicAddress publicAddress, DatabaseInfo database,
    BackupKey backupKey) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken ct)
    {
        foreach (var line in Lines()) Console.WriteLine(line);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string> { new('=', 70), " Cổng đối thoại CCHC đã sẵn sàng / the portal is ready" };
        foreach (var url in HallAddresses())
            lines.Add($" Mở từ các máy trong hội trường / open from the hall's screens: {url}");
        lines.Add($" Thư mục dữ liệu / data folder: {data.Root}");
        if (firstAdmin.Read() is { } admin)
        {
            lines.Add($" Tài khoản quản trị đầu tiên / first administrator: {admin.UserName}");
            lines.Add($" Mật khẩu / password: {admin.Password}");
            lines.Add($" (lưu trong / kept in {firstAdmin.FilePath} — xóa khi quản trị đăng nhập lần đầu / deleted at the first sign-in)");
        }
        if (database.IsSqlite && !backupKey.IsSet)
        {
            lines.Add(" CHƯA ĐẶT MẬT KHẨU SAO LƯU: chưa có bản sao lưu nào được ghi. Đặt tại trang Sao lưu (/admin/backups)");
            lines.Add(" NO BACKUP PASSPHRASE: no backup is written until an administrator sets one on /admin/backups");
        }
        lines.Add(new string('=', 70));
        return lines;
    }

    /// <summary>The listening addresses as another computer reaches them: "every interface" becomes the laptop's LAN address.</summary>
    private IEnumerable<string> HallAddresses()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var any = address.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
            // Only an "every interface" address is reached from the hall at the laptop's LAN address; a named one as it is.
            yield return any != address && Uri.TryCreate(any, UriKind.Absolute, out var uri) ? publicAddress.BaseUrl(uri) : address;
        }
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
