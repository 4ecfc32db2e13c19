using System.Security.Cryptography;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;

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

    [Fact]
    public async Task The_citizens_scans_follow_personal_data_while_a_department_keeps_its_own_answer_files()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var dept = await WorkflowData.DepartmentIdAsync(host);
        var petitions = host.Get<PetitionService>();
        await petitions.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        var service = host.Get<AttachmentService>();
        var scan = await service.AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(RandomNumberGenerator.GetBytes(1000)));
        var answer = await service.AddAsync(WorkflowData.OfficerOf(dept), p.Id, AttachmentPurpose.Answer, "tra-loi.pdf", new MemoryStream(RandomNumberGenerator.GetBytes(1000)));

        // The viewer sees no phone, address or ID number: and no file.
        await Assert.ThrowsAsync<ForbiddenException>(() => service.OpenAsync(CoreTestHost.Viewer, scan.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.OpenAsync(CoreTestHost.Viewer, answer.Id));
        var viewerSees = await petitions.GetAsync(CoreTestHost.Viewer, p.Id);
        Assert.Empty(viewerSees.Attachments);
        Assert.Equal(2, viewerSees.HiddenAttachments);

        // The department's officer: its own answer file, not the citizen's ID card.
        var officer = WorkflowData.OfficerOf(dept);
        await Assert.ThrowsAsync<ForbiddenException>(() => service.OpenAsync(officer, scan.Id));
        var (_, content) = await service.OpenAsync(officer, answer.Id);
        await content.DisposeAsync();
        var officerSees = await petitions.GetAsync(officer, p.Id);
        Assert.Equal([answer.Id], officerSees.Attachments.Select(a => a.Id));
        Assert.Equal(1, officerSees.HiddenAttachments);

        // Those who see personal data see both.
        foreach (var actor in new[] { CoreTestHost.Secretary, CoreTestHost.Chairman, CoreTestHost.Admin })
        {
            Assert.Equal(2, (await petitions.GetAsync(actor, p.Id)).Attachments.Count);
            var (_, s) = await service.OpenAsync(actor, scan.Id);
            await s.DisposeAsync();
        }
    }
}
