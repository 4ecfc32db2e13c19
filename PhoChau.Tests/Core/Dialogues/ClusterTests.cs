using System.IO.Compression;
using ClosedXML.Excel;
using PhoChau.Core.Citizens;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Dialogues;

/// <summary>
/// Issue 23, clusters (art. 43, Law on Organisation of Local Government 2025: a dialogue may be split by clusters of
/// villages): two sessions, each with its villages, hall and minutes; one notice and one report adding both; the
/// dialogue concluded only after its last session; bad input refused in Vietnamese. The test clock reads Monday 2/3/2026.
/// </summary>
public sealed class ClusterTests
{
    /// <summary>A cluster session held in the hall: one speaker with one petition, settled there or not.</summary>
    private static async Task<Petition> HoldAsync(CoreTestHost host, int session, string speaker, bool settle)
    {
        var queue = host.Get<SpeakerQueueService>();
        var lifecycle = host.Get<HallSessionService>();
        await lifecycle.OpenSessionAsync(CoreTestHost.Chairman, session, "Diễn tập");
        var petition = await WorkflowData.PetitionAsync(host, session, speaker);
        await queue.RegisterAsync(CoreTestHost.Secretary, session, new SpeakerInput { Name = speaker, VillageOrOrganisation = "Thôn Vĩnh Tuy", PetitionIds = [petition.Id] });
        await queue.CallNextAsync(CoreTestHost.Chairman, session, null);
        var outcomes = host.Get<SessionOutcomeService>();
        var department = await WorkflowData.DepartmentIdAsync(host);
        if (settle)
        {
            await outcomes.AssignAsync(CoreTestHost.Chairman, petition.Id, department);
            await outcomes.SettleAsync(CoreTestHost.Chairman, petition.Id, "Trả kết quả trong tuần.", "Công chức Địa chính");
        }
        else await outcomes.NotSettledAsync(CoreTestHost.Chairman, petition.Id, department);
        await lifecycle.ConcludeAsync(CoreTestHost.Chairman, session, "Kết luận buổi theo cụm.");
        return await WorkflowData.ReloadAsync(host, petition.Id);
    }

    private static async Task<string> TextAsync(CoreTestHost host, int id, DocumentKind kind) =>
        string.Join('\n', (await host.Get<DocumentService>().ComposeAsync(CoreTestHost.Secretary, id, kind)).Body);

    [Fact]
    public async Task Two_cluster_sessions_have_their_own_minutes_and_one_notice_and_report_add_both()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, first, second, _) = await ClusterData.ArrangeAsync(host);
        var dialogues = host.Get<DialogueService>();
        var sessions = await host.Get<ClusterSessions>().ListAsync(d.Id);
        Assert.Equal(["Cụm 1", "Cụm 2"], sessions.Select(s => s.Name));
        Assert.Equal(["Thôn Vĩnh Tuy", "Thôn Châu Me"], sessions[0].Villages.OrderByDescending(v => v == "Thôn Vĩnh Tuy"));
        Assert.Equal(d.Venue, sessions[1].Venue); // no place given: the dialogue's
        Assert.Equal(d.Title + " — Cụm 1", (await dialogues.GetAsync(first)).Title);

        // The announcement lists both sessions, and announcing the dialogue announces them with it.
        var plan = await TextAsync(host, d.Id, DocumentKind.Plan);
        Assert.Contains("- Tổ chức theo cụm thôn, gồm 2 buổi:", plan);
        Assert.Contains("Cụm 1 (gồm ", plan);
        Assert.Contains("08 giờ 00 phút, ngày 02/03/2026, tại Nhà văn hóa thôn Vĩnh Tuy.", plan);
        Assert.Contains("14 giờ 00 phút, ngày 03/03/2026", await TextAsync(host, d.Id, DocumentKind.Announcement));
        await dialogues.MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        foreach (var id in new[] { first, second }) Assert.Equal(DialogueState.Announced, (await dialogues.GetAsync(id)).State);
        Assert.Equal(new DateOnly(2026, 3, 2), (await dialogues.GetAsync(second)).AnnouncedOn);

        // Monday: the first cluster meets; Tuesday the second. The dialogue cannot conclude before both have.
        var settled = await HoldAsync(host, first, "Nguyễn Văn An", settle: true);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var queue = host.Get<SpeakerQueueService>();
        var lifecycle = host.Get<HallSessionService>();
        await lifecycle.OpenSessionAsync(CoreTestHost.Chairman, d.Id, "Diễn tập"); // the closing session in the commune's hall
        var early = await Assert.ThrowsAsync<DomainException>(() => lifecycle.ConcludeAsync(CoreTestHost.Chairman, d.Id, "Kết luận chung."));
        Assert.Equal("Còn buổi đối thoại theo cụm thôn chưa kết thúc: Cụm 2. Chủ trì kết luận chung sau buổi cuối cùng.", early.Message);
        var inWriting = await HoldAsync(host, second, "Trần Thị Bình", settle: false);
        await lifecycle.ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");
        // One series of numbers for the dialogue and its sessions: a code finds one petition.
        Assert.Equal(("KN-2026-001", "KN-2026-002"), (settled.Code, inWriting.Code));

        // Each session's minutes are its own: its speaker, its villages.
        var minutes1 = await TextAsync(host, first, DocumentKind.Minutes);
        var minutes2 = await TextAsync(host, second, DocumentKind.Minutes);
        Assert.Contains("Nguyễn Văn An", minutes1);
        Assert.DoesNotContain("Trần Thị Bình", minutes1);
        Assert.Contains("- Buổi đối thoại theo cụm thôn: Cụm 1, gồm ", minutes1);
        Assert.Contains("Trần Thị Bình", minutes2);
        Assert.DoesNotContain("Nguyễn Văn An", minutes2);
        Assert.Contains("Cụm 2, gồm Thôn Tân Hy, Thôn Trung Thành", minutes2.Replace("Thôn Trung Thành, Thôn Tân Hy", "Thôn Tân Hy, Thôn Trung Thành"));

        // One report adds both sessions; the notice gives the one not settled to its department.
        var report = await TextAsync(host, d.Id, DocumentKind.ResultsReport);
        Assert.Contains("theo cụm thôn, gồm 2 buổi", report);
        Assert.Contains("1. Tổng số kiến nghị, phản ánh tiếp nhận: 2; số người đăng ký phát biểu: 2.", report);
        Assert.Contains("2. Giải quyết tại buổi đối thoại: 1 kiến nghị.", report);
        Assert.Contains("3. Chưa giải quyết tại buổi đối thoại, giao trả lời bằng văn bản: 1 kiến nghị", report);
        Assert.Contains("- Cụm 1 (gồm ", report);
        Assert.Contains("ngày 02/03/2026 tại Nhà văn hóa thôn Vĩnh Tuy; 1 người đăng ký phát biểu, 1 kiến nghị.", report);
        Assert.Contains("ngày 03/03/2026 tại " + d.Venue + "; 1 người đăng ký phát biểu, 1 kiến nghị.", report);
        var notice = await TextAsync(host, d.Id, DocumentKind.Notice);
        Assert.Contains($"- {inWriting.Code} của Trần Thị Bình", notice);
        Assert.DoesNotContain(settled.Code, notice);
        Assert.Contains("Theo cụm thôn, tại Cụm 1 ngày 02/03/2026", notice);

        // Published with the dialogue, not as sessions of their own.
        var results = await host.Get<PublicResultsService>().ListAsync();
        var published = Assert.Single(results);
        Assert.Equal(d.Id, published.Id);
        Assert.Equal(new[] { settled.Code, inWriting.Code }.Order(), published.Petitions.Select(p => p.Code).Order());

        // The evidence pack holds both sessions' minutes after the dialogue's own; its index, both petitions.
        using var buffer = new MemoryStream();
        await host.Get<EvidencePackService>().WriteAsync(CoreTestHost.Secretary, d.Id, buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"03-bien-ban-doi-thoai-{d.Id}.docx", names);
        Assert.Contains($"04-bien-ban-doi-thoai-{first}.docx", names);
        Assert.Contains($"05-bien-ban-doi-thoai-{second}.docx", names);
        Assert.Contains($"07-bao-cao-ket-qua-doi-thoai-{d.Id}.docx", names);
        using var index = zip.GetEntry(EvidencePackService.IndexName)!.Open();
        using var copy = new MemoryStream();
        index.CopyTo(copy);
        using var workbook = new XLWorkbook(copy);
        var codes = workbook.Worksheet("Kiến nghị").CellsUsed().Select(c => c.GetString()).ToHashSet();
        Assert.Contains(settled.Code, codes);
        Assert.Contains(inWriting.Code, codes);
        Assert.Contains(workbook.Worksheet("Tài liệu").CellsUsed(), c => c.GetString() == "Cụm 2");

        // The notice is the dialogue's: its sessions carry no 5-day deadline of their own to be warned of.
        Assert.DoesNotContain((await dialogues.GetAsync(second)).Deadlines, x => x.Key == DeadlineKeys.Conclusion);
        Assert.Contains((await dialogues.GetAsync(d.Id)).Deadlines, x => x.Key == DeadlineKeys.Conclusion);

        // Follow-up: the reply to the second session's petition sent and closed, then the settled one closed: the
        // session closes with its own petitions, the dialogue with the last of all its sessions'.
        var followUp = host.Get<FollowUpService>();
        var officer = CoreTestHost.Officer(await WorkflowData.DepartmentIdAsync(host));
        await followUp.DraftReplyAsync(officer, inWriting.Id, inWriting.Version, "UBND xã trả lời bà Bình như sau: ...");
        inWriting = await WorkflowData.ReloadAsync(host, inWriting.Id);
        await followUp.ApproveReplyAsync(CoreTestHost.Chairman, inWriting.Id, inWriting.Version);
        inWriting = await WorkflowData.ReloadAsync(host, inWriting.Id);
        await followUp.RecordSentAsync(CoreTestHost.Secretary, inWriting.Id, inWriting.Version, new DateOnly(2026, 3, 3), ReplyChannel.VillageHead);
        inWriting = await WorkflowData.ReloadAsync(host, inWriting.Id);
        await followUp.CloseAsync(CoreTestHost.Secretary, inWriting.Id, inWriting.Version);
        Assert.Equal(DialogueState.Closed, (await dialogues.GetAsync(second)).State);
        var whole = await dialogues.GetAsync(d.Id);
        Assert.Equal(DialogueState.Concluded, whole.State); // the first session's petition is still open
        Assert.NotNull(whole.Deadlines.Single(x => x.Key == DeadlineKeys.Replies).MetOn); // nothing left to answer in writing
        settled = await WorkflowData.ReloadAsync(host, settled.Id);
        await followUp.CloseAsync(CoreTestHost.Secretary, settled.Id, settled.Version);
        Assert.Equal(DialogueState.Closed, (await dialogues.GetAsync(first)).State);
        Assert.Equal(DialogueState.Closed, (await dialogues.GetAsync(d.Id)).State);

        // The law's 10 days: the dialogue warns when its results are late, never its sessions one by one.
        host.Clock.Advance(TimeSpan.FromDays(11));
        var publications = host.Get<PublicationService>();
        Assert.Contains((await publications.StatusAsync(d.Id)).Warnings, w => w.Kind == LawWarningKind.ResultsNotPublished);
        Assert.Empty((await publications.StatusAsync(first)).Warnings);
        Assert.Empty((await publications.StatusAsync(second)).Warnings);

        // The province counts one dialogue held, with both sessions' petitions.
        var figures = await host.Get<PhoChau.Core.Province.ProvinceService>().FiguresAsync(new Actor("v", "tinh", new HashSet<string> { Roles.ProvinceViewer }), 2026);
        var commune = Assert.Single(figures.Communes);
        Assert.Equal(1, commune.DialoguesHeld);
        Assert.Equal(2, commune.Received);
    }

    [Fact]
    public async Task A_cluster_with_no_village_a_village_in_two_clusters_and_a_cluster_of_a_cluster_are_refused_in_Vietnamese()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, first, second, villages) = await ClusterData.ArrangeAsync(host);
        var clusters = host.Get<ClusterService>();
        async Task<string> RefusedAsync(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Message;

        Assert.Equal("Cụm thôn phải có ít nhất một thôn.",
            await RefusedAsync(() => clusters.AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput { Name = "Cụm 3", SessionDate = new DateOnly(2026, 3, 4) })));
        Assert.Equal("Thôn Châu Me đã thuộc Cụm 1 của cuộc đối thoại này: mỗi thôn chỉ ở một cụm.",
            await RefusedAsync(() => clusters.AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput { Name = "Cụm 3", VillageIds = [villages[1]], SessionDate = new DateOnly(2026, 3, 4) })));
        Assert.Equal("Thôn Tân Hy đã thuộc Cụm 2 của cuộc đối thoại này: mỗi thôn chỉ ở một cụm.",
            await RefusedAsync(() => clusters.SetVillagesAsync(CoreTestHost.Secretary, first, [villages[0], villages[2]])));
        Assert.Equal("Cụm thôn phải có ít nhất một thôn.", await RefusedAsync(() => clusters.SetVillagesAsync(CoreTestHost.Secretary, first, [])));
        Assert.Equal("Một buổi theo cụm thôn không chia tiếp thành cụm khác.",
            await RefusedAsync(() => clusters.AddAsync(CoreTestHost.Secretary, first, new ClusterInput { Name = "Cụm 1a", VillageIds = [villages[0]] })));
        Assert.Equal("Có thôn không có trong danh sách thôn của xã.",
            await RefusedAsync(() => clusters.AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput { Name = "Cụm 3", VillageIds = [9999] })));
        Assert.Equal("Nhập tên cụm thôn (ví dụ: Cụm 1).",
            await RefusedAsync(() => clusters.AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput { Name = " ", VillageIds = [villages[0]] })));
        Assert.Equal(2, (await host.Get<ClusterSessions>().ListAsync(d.Id)).Count); // nothing refused was kept

        // The same village may be in a cluster of another dialogue; a cancelled session frees its villages.
        var other = await host.Get<DialogueService>().CreateAsync(CoreTestHost.Secretary, new DialogueInput { Title = "Đối thoại theo đề nghị của cử tri", Year = 2026, Venue = "Hội trường" });
        await clusters.AddAsync(CoreTestHost.Secretary, other.Id, new ClusterInput { Name = "Cụm 1", VillageIds = [villages[1]] });
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, first, DialogueState.Cancelled);
        await clusters.AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput { Name = "Cụm 3", VillageIds = [villages[0], villages[1]], SessionDate = new DateOnly(2026, 3, 5) });
        Assert.Equal(["Cụm 2", "Cụm 3"], (await host.Get<ClusterSessions>().ListAsync(d.Id)).Select(c => c.Name));
        Assert.Equal([villages[2], villages[3]], (await clusters.VillageIdsAsync(second)).Order());

        // Once the dialogue has opened, no session is added to it.
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        await host.Get<HallSessionService>().OpenSessionAsync(CoreTestHost.Chairman, d.Id, "Diễn tập");
        Assert.Equal("Cuộc đối thoại đã bắt đầu hoặc đã kết thúc: không thêm được buổi theo cụm thôn.",
            await RefusedAsync(() => clusters.AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput { Name = "Cụm 4", VillageIds = [villages[0]] })));
    }
}
