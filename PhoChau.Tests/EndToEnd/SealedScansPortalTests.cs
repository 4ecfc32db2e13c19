using System.Net;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Auditing;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.EndToEnd;

/// <summary>The portal as it runs: a scan saved, the data folder read raw, the portal restarted, the scan downloaded.</summary>
public sealed class SealedScansPortalTests
{
    [Fact]
    public async Task The_data_folder_holds_no_readable_scan_and_after_a_restart_the_portal_still_serves_it_and_records_who_opened_it()
    {
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var secretary = new Actor("s", "thuky", new HashSet<string> { Roles.Secretary });
        var jpeg = Scans.Jpeg();
        var pdf = Scans.Pdf("Nguyễn Văn An");
        var files = portal.Services.GetRequiredService<AttachmentService>();
        var photo = await files.AddAsync(secretary, 1, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(jpeg));
        var paper = await files.AddAsync(secretary, 1, AttachmentPurpose.Petition, "so-do.pdf", new MemoryStream(pdf));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        foreach (var file in Directory.EnumerateFiles(portal.DataRoot, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith("portal.lock", StringComparison.Ordinal)) continue; // held by the running portal, and empty
            var raw = (await File.ReadAllBytesAsync(file)).AsSpan();
            Assert.True(raw.IndexOf([(byte)0xFF, (byte)0xD8, (byte)0xFF]) < 0, $"a JPEG signature in {file}");
            Assert.True(raw.IndexOf("%PDF-"u8) < 0, $"a PDF signature in {file}");
        }

        await portal.RestartAsync();
        using var admin = PortalSignIn.Client(portal.BaseUrl, await PortalSignIn.CookiesAsync(portal.BaseUrl, "admin", PortalFactory.AdminPassword));
        var first = await admin.GetAsync($"/attachments/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(jpeg, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal(pdf, await admin.GetByteArrayAsync($"/attachments/{paper.Id}"));

        var factory = portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var opened = await db.AuditEntries.Where(e => e.Action == AuditAction.Opened).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([photo.Id.ToString(), paper.Id.ToString()], opened.Select(e => e.EntityId));
        Assert.All(opened, e => Assert.Equal("admin", e.UserName));
    }
}
