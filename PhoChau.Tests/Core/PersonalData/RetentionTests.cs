using Microsoft.EntityFrameworkCore;
using PhoChau.Core.PersonalData;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.PersonalData;

/// <summary>Personal data of finished petitions is anonymised after the retention period; the figures stay (issue 19.8).</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task After_the_retention_period_a_finished_petition_is_anonymised_and_its_scan_deleted_while_an_open_one_is_kept()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, settled, open) = await ConcludedSession.ArrangeAsync(host);
        var scan = await host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, settled.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(Scans.Jpeg()));
        var scanPath = Path.Combine(host.AttachmentsRoot, scan.StoragePath);
        var retention = host.Get<RetentionService>();

        host.Clock.Advance(TimeSpan.FromDays(365 * 5 - 10));
        Assert.Equal(0, await retention.RunAsync()); // not yet
        Assert.Equal("Nguyễn Văn An", (await WorkflowData.ReloadAsync(host, settled.Id)).PetitionerName);

        host.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, await retention.RunAsync());

        var gone = await WorkflowData.ReloadAsync(host, settled.Id);
        Assert.Equal(("[Đã ẩn danh]", null, null, null), (gone.PetitionerName, gone.Phone, gone.Address, gone.IdCardNumber));
        Assert.Equal(PetitionState.SettledAtSession, gone.State); // the figures stay
        Assert.False(File.Exists(scanPath));
        Assert.Equal("Trần Thị Bình", (await WorkflowData.ReloadAsync(host, open.Id)).PetitionerName); // still awaiting its written reply
        await using var db = host.NewDb();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == RetentionService.AuditEntity);
        Assert.Contains(entry.Changes, c => c.New!.Contains("1 kiến nghị") && c.New.Contains("5 năm"));
        Assert.DoesNotContain(entry.Changes, c => c.New!.Contains("Nguyễn Văn An"));
        Assert.Equal(0, await retention.RunAsync()); // once is enough
        Assert.NotNull(d);
    }

    [Fact]
    public async Task A_retention_of_zero_years_turns_the_job_off()
    {
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<PersonalDataOptions>(o => o.RetentionYears = 0));
        var (_, settled, _) = await ConcludedSession.ArrangeAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(365 * 50));
        Assert.Equal(0, await host.Get<RetentionService>().RunAsync());
        Assert.Equal("Nguyễn Văn An", (await WorkflowData.ReloadAsync(host, settled.Id)).PetitionerName);
    }
}
