using System.Security.Cryptography;
using PhoChau.Core.Commune;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;
using PhoChau.Core.Province;
using PhoChau.Tests.Core.Province;

namespace PhoChau.Tests.Core.Petitions;

/// <summary>Attachments:Store = Database: every node of a province reads the same scans without a shared folder.</summary>
public sealed class AttachmentStoreTests
{
    [Fact]
    public async Task A_scan_kept_in_the_database_reads_back_the_same_writes_no_file_and_stays_in_its_commune()
    {
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<AttachmentOptions>(o => o.Store = AttachmentStore.Database));
        var village = await WorkflowData.VillageAsync(host);
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id, villageId: village.Id);
        var bytes = new byte[300_000];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.4"u8.CopyTo(bytes);

        var row = await host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "so-do.pdf", new MemoryStream(bytes));
        Assert.StartsWith(AttachmentService.DatabasePrefix, row.StoragePath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row.Sha256);
        Assert.True(!Directory.Exists(host.AttachmentsRoot) || Directory.GetFiles(host.AttachmentsRoot, "*", SearchOption.AllDirectories).Length == 0, "a file was written");

        var (info, content) = await host.Get<AttachmentService>().OpenAsync(CoreTestHost.Secretary, row.Id);
        using var read = new MemoryStream();
        await content.CopyToAsync(read);
        Assert.Equal(bytes, read.ToArray());
        Assert.Equal("so-do.pdf", info.FileName);
        // The same personal-data rule as for files: a viewer does not open a citizen's scan.
        await Assert.ThrowsAsync<ForbiddenException>(() => host.Get<AttachmentService>().OpenAsync(CoreTestHost.Viewer, row.Id));

        var other = await host.Get<ProvinceService>().CreateCommuneAsync(
            new Actor("p", "tinh", new HashSet<string> { Roles.ProvinceAdministrator }), CommuneIsolationTests.NewCommune());
        using (CommuneScope.Enter(other))
            await Assert.ThrowsAsync<NotFoundException>(() => host.Get<AttachmentService>().OpenAsync(CoreTestHost.Secretary, row.Id));
    }

    [Fact]
    public async Task An_oversize_scan_is_refused_and_nothing_is_kept_in_the_database()
    {
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<AttachmentOptions>(o => { o.Store = AttachmentStore.Database; o.MaxBytes = 1000; }));
        var village = await WorkflowData.VillageAsync(host);
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id, villageId: village.Id);
        await Assert.ThrowsAsync<DomainException>(() => host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "lon.pdf", new MemoryStream(new byte[5000])));
        await using var db = host.NewDb();
        Assert.Empty(db.PetitionAttachments);
        Assert.Empty(db.AttachmentContents);
    }
}
