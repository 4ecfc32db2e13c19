using System.IO.Compression;
using System.Net;
using PhoChau.Core.Backups;

namespace PhoChau.Tests.Portal.Backups;

public sealed class BackupEndpointTests
{
    [Fact]
    public async Task The_administrator_downloads_a_listed_backup_and_nothing_else_by_that_path()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.SignInAsync("admin", PortalFactory.AdminPassword);
        factory.Services.GetRequiredService<BackupKey>().SetPassphrase(CoreTestHost.BackupPassphrase, DateTime.UtcNow);
        var backup = await factory.Services.GetRequiredService<BackupService>().CreateAsync(BackupReason.Manual);

        var response = await admin.GetAsync($"/admin/backups/{backup.FileName}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(zip.GetEntry(BackupCipher.HeaderEntry));
        Assert.NotNull(zip.GetEntry(BackupCipher.PayloadEntry));
        Assert.Null(zip.GetEntry("manifest.json")); // sealed inside the payload
        foreach (var bad in new[] { "..%2Fportal.db", "portal.db", "phochau-20200101-000000-thu-cong.zip", "%2Fetc%2Fpasswd", "keys" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/backups/{bad}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_administrator_may_open_the_backups_page_or_download_a_backup()
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("thuky", Roles.Secretary);
        factory.Services.GetRequiredService<BackupKey>().SetPassphrase(CoreTestHost.BackupPassphrase, DateTime.UtcNow);
        var backup = await factory.Services.GetRequiredService<BackupService>().CreateAsync(BackupReason.Manual);
        var secretary = await factory.SignInAsync("thuky", PortalFactory.UserPassword);

        var refused = await secretary.GetAsync($"/admin/backups/{backup.FileName}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location?.PathAndQuery);
        var page = await secretary.GetAsync("/admin/backups");
        Assert.StartsWith("/account/denied", page.Headers.Location?.PathAndQuery);
        var anonymous = factory.NewClient();
        var redirect = await anonymous.GetAsync($"/admin/backups/{backup.FileName}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/login", redirect.Headers.Location?.ToString());
    }
}
