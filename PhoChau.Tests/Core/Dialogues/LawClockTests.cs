using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Overview;

namespace PhoChau.Tests.Core.Dialogues;

/// <summary>
/// Issue 23, the law's clock (art. 43, Law on Organisation of Local Government 2025): announced at least 7 days
/// before, a moved date announced again, results published within 10 days on the channels the law names.
/// The test clock reads Monday 2/3/2026.
/// </summary>
public sealed class LawClockTests
{
    private static async Task<IReadOnlyList<LawWarning>> WarningsAsync(CoreTestHost host, int id) =>
        (await host.Get<PublicationService>().StatusAsync(id)).Warnings;

    [Theory]
    [InlineData(2026, 3, 10, false)] // 8 days ahead: not yet
    [InlineData(2026, 3, 9, true)]   // 7 days ahead: announce today
    [InlineData(2026, 3, 5, true)]   // 3 days ahead
    public async Task A_session_not_announced_warns_from_its_seventh_day_before(int y, int m, int day, bool warned)
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(y, m, day));
        var warnings = await WarningsAsync(host, d.Id);
        Assert.Equal(warned, warnings.Any(w => w.Kind == LawWarningKind.NotAnnounced));
        if (warned) Assert.Equal(new DateOnly(y, m, day).AddDays(-7), warnings.Single().Due);
    }

    [Fact]
    public async Task Announced_seven_days_before_is_in_time_and_a_date_moved_after_the_announcement_starts_the_seven_days_again()
    {
        await using var host = await CoreTestHost.StartAsync();
        var dialogues = host.Get<DialogueService>();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 3, 9)); // exactly 7 days ahead
        await dialogues.MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        Assert.Equal(new DateOnly(2026, 3, 2), (await dialogues.GetAsync(d.Id)).AnnouncedOn);
        Assert.Empty(await WarningsAsync(host, d.Id));

        host.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 4/3: the date moves to Tuesday 10/3
        var current = await dialogues.GetAsync(d.Id);
        var input = DialogueInput.From(current, []);
        input.SessionDate = new DateOnly(2026, 3, 10);
        await dialogues.UpdateAsync(CoreTestHost.Secretary, d.Id, current.Version, input);
        Assert.Equal(new DateOnly(2026, 3, 4), (await dialogues.GetAsync(d.Id)).AnnouncedOn);
        var late = Assert.Single(await WarningsAsync(host, d.Id));
        Assert.Equal(LawWarningKind.AnnouncedLate, late.Kind);
        Assert.Equal(6, late.Days); // announced 4/3 for 10/3
        Assert.Equal(new DateOnly(2026, 3, 3), late.Due);

        // Moved again to leave a full week from the new announcement: in time again.
        current = await dialogues.GetAsync(d.Id);
        input = DialogueInput.From(current, []);
        input.SessionDate = new DateOnly(2026, 3, 11);
        await dialogues.UpdateAsync(CoreTestHost.Secretary, d.Id, current.Version, input);
        Assert.Empty(await WarningsAsync(host, d.Id));
    }

    [Fact]
    public async Task Results_not_published_within_ten_days_warn_on_the_page_and_the_dashboard_until_every_required_channel_is_recorded()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host); // held Monday 2/3/2026
        var publications = host.Get<PublicationService>();
        var status = await publications.StatusAsync(d.Id);
        Assert.Equal(new DateOnly(2026, 3, 12), status.PublishBy);
        Assert.Empty(status.Warnings);

        host.Clock.Advance(TimeSpan.FromDays(10)); // Thursday 12/3: the tenth day, still in time
        Assert.Empty(await WarningsAsync(host, d.Id));
        host.Clock.Advance(TimeSpan.FromDays(1)); // 13/3
        var warning = Assert.Single(await WarningsAsync(host, d.Id));
        Assert.Equal((LawWarningKind.ResultsNotPublished, 1), (warning.Kind, warning.Days));
        var dashboard = await host.Get<DashboardService>().GetAsync(CoreTestHost.Chairman);
        Assert.Contains(dashboard.Overdue, i => i.Reference == d.Title && i.What.Contains("Công khai kết quả") && i.DueDate == new DateOnly(2026, 3, 12));

        var photo = TestSigning.SealPng();
        var pdf = "%PDF-1.4 biên bản niêm yết"u8.ToArray();
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.NoticeBoard, new DateOnly(2026, 3, 5), "niem-yet.png", photo, "Bảng tin trụ sở");
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.Media, new DateOnly(2026, 3, 6), "dai-truyen-thanh.pdf", pdf, null);
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.Website, new DateOnly(2026, 3, 6), "web.pdf", pdf, null);
        Assert.Single(await WarningsAsync(host, d.Id)); // the village heads are still missing; the website is not required
        await publications.RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.VillageHeads, new DateOnly(2026, 3, 13), "gui-truong-thon.pdf", pdf, null);

        status = await publications.StatusAsync(d.Id);
        Assert.True(status.Published);
        Assert.Empty(status.Warnings);
        Assert.DoesNotContain((await host.Get<DashboardService>().GetAsync(CoreTestHost.Chairman)).Overdue, i => i.What.Contains("Công khai kết quả"));
        var (proof, type, name) = await publications.ProofAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.NoticeBoard);
        Assert.Equal(photo, proof); // byte arrays compared by content (a tuple compares them by reference)
        Assert.Equal(("image/png", "niem-yet.png"), (type, name));
    }

    [Fact]
    public async Task A_publication_dated_before_the_session_or_ahead_a_proof_that_is_not_an_image_or_PDF_and_a_session_not_held_are_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        var publications = host.Get<PublicationService>();
        var pdf = "%PDF-1.4"u8.ToArray();
        async Task<string> RefusedAsync(int id, DateOnly on, byte[] proof) =>
            (await Assert.ThrowsAsync<DomainException>(() => publications.RecordAsync(CoreTestHost.Secretary, id, PublicationChannel.Media, on, "x", proof, null))).Message;

        Assert.Contains("trước ngày đối thoại", await RefusedAsync(d.Id, new DateOnly(2026, 3, 1), pdf));
        Assert.Contains("sau hôm nay", await RefusedAsync(d.Id, new DateOnly(2026, 3, 3), pdf));
        Assert.Contains("ảnh (PNG, JPEG) hoặc tệp PDF", await RefusedAsync(d.Id, new DateOnly(2026, 3, 2), "MZ\u0090 not a proof"u8.ToArray()));
        var draft = await WorkflowData.DialogueAsync(host);
        Assert.Contains("sau khi buổi đối thoại đã kết thúc", await RefusedAsync(draft.Id, new DateOnly(2026, 3, 2), pdf));
        await Assert.ThrowsAsync<ForbiddenException>(() => publications.RecordAsync(CoreTestHost.Viewer, d.Id, PublicationChannel.Media, new DateOnly(2026, 3, 2), "x", pdf, null));
        Assert.Empty((await publications.StatusAsync(d.Id)).Publications);
    }
}
