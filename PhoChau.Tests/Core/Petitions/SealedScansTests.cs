using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Auditing;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

/// <summary>ID cards and land papers are sensitive personal data: sealed at rest, and every opening recorded (issue 19, attachments).</summary>
public sealed class SealedScansTests
{
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PdfStart = "%PDF-"u8.ToArray();

    private static void NoScanIn(string root)
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var raw = File.ReadAllBytes(file).AsSpan();
            Assert.True(raw.IndexOf(JpegStart) < 0, $"a JPEG signature in {file}");
            Assert.True(raw.IndexOf(PdfStart) < 0, $"a PDF signature in {file}");
        }
    }

    private static async Task<byte[]> OpenAsync(CoreTestHost host, int attachmentId)
    {
        var (_, content) = await host.Get<AttachmentService>().OpenAsync(CoreTestHost.Admin, attachmentId);
        using var ms = new MemoryStream();
        await content.CopyToAsync(ms);
        return ms.ToArray();
    }

    [Theory]
    [InlineData(AttachmentStore.Folder)]
    [InlineData(AttachmentStore.Database)]
    public async Task A_saved_scan_leaves_no_JPEG_or_PDF_in_the_data_folder_and_opens_as_handed_in(AttachmentStore store)
    {
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<AttachmentOptions>(o => o.Store = store));
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id, "Lê Thị Hoa");
        var jpeg = Scans.Jpeg();
        var pdf = Scans.Pdf("Lê Thị Hoa");
        var files = host.Get<AttachmentService>();
        var a = await files.AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(jpeg));
        var b = await files.AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "so-do.pdf", new MemoryStream(pdf));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        if (!host.OnPostgres) NoScanIn(host.DataRoot);
        await using (var db = host.NewDb())
            Assert.All(await db.AttachmentContents.IgnoreQueryFilters().Select(c => c.Bytes).ToListAsync(), bytes => Assert.True(AttachmentCipher.IsSealed(bytes)));

        Assert.Equal(jpeg, await OpenAsync(host, a.Id));
        Assert.Equal(pdf, await OpenAsync(host, b.Id));
    }

    [Fact]
    public async Task After_a_restart_over_the_same_folder_the_sealed_scan_still_opens()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-sealed").FullName;
        var dbPath = Path.Combine(dir, "portal.db");
        var jpeg = Scans.Jpeg();
        int id;
        var first = await CoreTestHost.StartAtAsync(dir, dbPath);
        first.KeepFolder = true;
        await using (first)
        {
            var d = await WorkflowData.DialogueAsync(first);
            var p = await WorkflowData.PetitionAsync(first, d.Id);
            id = (await first.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(jpeg))).Id;
        }

        await using var second = await CoreTestHost.StartAtAsync(dir, dbPath);
        Assert.Equal(jpeg, await OpenAsync(second, id));
    }

    [Fact]
    public async Task Scans_an_earlier_version_stored_in_clear_are_sealed_at_the_next_start_and_open_unchanged()
    {
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<AttachmentOptions>(o => o.Store = AttachmentStore.Folder));
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var jpeg = Scans.Jpeg();
        var a = await host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(jpeg));
        var path = Path.Combine(host.AttachmentsRoot, a.StoragePath);
        await File.WriteAllBytesAsync(path, jpeg); // as an earlier version left it

        await host.Get<DatabaseInitializer>().InitializeAsync(new SeedOptions()); // the next start

        Assert.True(AttachmentCipher.IsSealed(await File.ReadAllBytesAsync(path)));
        Assert.Equal(jpeg, await OpenAsync(host, a.Id));
        Assert.Empty(Directory.EnumerateFiles(host.AttachmentsRoot, "*.sealing", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Opening_a_scan_is_written_to_the_audit_trail_with_who_which_and_when()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var a = await host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(Scans.Jpeg()));
        host.Clock.Advance(TimeSpan.FromMinutes(7));

        await OpenAsync(host, a.Id);

        await using var db = host.NewDb();
        var entry = Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditAction.Opened).ToListAsync());
        Assert.Equal((nameof(PetitionAttachment), a.Id.ToString(), "admin"), (entry.EntityType, entry.EntityId, entry.UserName));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        Assert.Contains(entry.Changes, c => c.New == p.Code);
        // A refused opening is not an opening.
        await Assert.ThrowsAsync<PhoChau.Core.Common.ForbiddenException>(() => host.Get<AttachmentService>().OpenAsync(CoreTestHost.Viewer, a.Id));
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditAction.Opened).ToListAsync());
    }
}
