using System.Security.Cryptography;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;
using PhoChau.Tests.Support;

namespace PhoChau.Tests.Core.Petitions;

public sealed class AttachmentServiceTests
{
    [Fact]
    public async Task A_scan_is_stored_on_disk_with_its_hash_and_reads_back_the_same()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        var service = host.Get<AttachmentService>();

        var row = await service.AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "don-kien-nghi.PDF", new MemoryStream(bytes));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row.Sha256);
        Assert.Equal(("application/pdf", 50_000L), (row.ContentType, row.SizeBytes));
        Assert.True(File.Exists(Path.Combine(host.AttachmentsRoot, row.StoragePath)));
        var (_, content) = await service.OpenAsync(CoreTestHost.Secretary, row.Id);
        await using (content)
        {
            using var ms = new MemoryStream();
            await content.CopyToAsync(ms);
            Assert.Equal(bytes, ms.ToArray());
        }
    }

    [Theory]
    [InlineData("virus.exe", 100, "không được chấp nhận")]
    [InlineData("anh.png", 11 * 1024 * 1024, "vượt quá dung lượng")]
    [InlineData("rong.pdf", 0, "Tệp rỗng")]
    public async Task A_disallowed_type_or_an_oversize_file_is_refused_and_nothing_kept(string name, int size, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, name, new MemoryStream(new byte[size])));
        Assert.Contains(message, ex.Message);
        Assert.Empty(Directory.Exists(host.AttachmentsRoot) ? Directory.GetFiles(host.AttachmentsRoot, "*", SearchOption.AllDirectories) : []);
        Assert.Empty((await host.Get<PetitionService>().GetAsync(CoreTestHost.Secretary, p.Id)).Attachments);
    }
}
