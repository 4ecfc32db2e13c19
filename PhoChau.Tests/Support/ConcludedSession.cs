using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Support;

/// <summary>A session held on Mon 2/3/2026 and concluded: two speakers, one petition settled, one not.</summary>
public static class ConcludedSession
{
    public static async Task<(Dialogue Dialogue, Petition Settled, Petition NotSettled)> ArrangeAsync(CoreTestHost host)
    {
        var d = await HallData.OpenSessionAsync(host, new DateOnly(2026, 3, 2));
        var settled = await WorkflowData.PetitionAsync(host, d.Id, "Nguyễn Văn An");
        var open = await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình", text: "Đường liên thôn xuống cấp.");
        var queue = host.Get<SpeakerQueueService>();
        var lifecycle = host.Get<HallSessionService>();
        await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Nguyễn Văn An", VillageOrOrganisation = "Thôn Vĩnh Tuy", PetitionIds = [settled.Id] });
        var state = await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Trần Thị Bình", VillageOrOrganisation = "Thôn Châu Me", PetitionIds = [open.Id] });
        await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        await queue.RecordMinutesAsync(CoreTestHost.Secretary, d.Id, state.Queue[0].SpeakerId, "Hồ sơ đất nộp đã hai tháng.", "Công chức Địa chính: trả kết quả ngày 10/3.");
        await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        var outcomes = host.Get<SessionOutcomeService>();
        await outcomes.AssignAsync(CoreTestHost.Chairman, settled.Id, await WorkflowData.DepartmentIdAsync(host));
        await outcomes.SettleAsync(CoreTestHost.Chairman, settled.Id, "Trả kết quả ngày 10/3/2026.", "Công chức Địa chính Trần Văn Long");
        await outcomes.NotSettledAsync(CoreTestHost.Chairman, open.Id, await WorkflowData.DepartmentIdAsync(host));
        await lifecycle.ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận khẩn trương trả lời bằng văn bản trong thời hạn quy định.");
        return (d, await WorkflowData.ReloadAsync(host, settled.Id), await WorkflowData.ReloadAsync(host, open.Id));
    }

    /// <summary>The session with its notice of conclusions drafted, approved and issued as 12/TB-UBND on 2/3/2026.</summary>
    public static async Task<(Dialogue Dialogue, Petition NotSettled)> WithIssuedNoticeAsync(CoreTestHost host)
    {
        var (d, _, open) = await ArrangeAsync(host);
        var service = host.Get<PhoChau.Core.AfterSession.AfterSessionService>();
        var notice = await service.DraftNoticeAsync(CoreTestHost.Secretary, d.Id);
        await service.ApproveNoticeAsync(CoreTestHost.Chairman, notice.Id, notice.Version);
        notice = (await service.NoticeAsync(d.Id)).Notice!;
        await service.IssueNoticeAsync(CoreTestHost.Secretary, notice.Id, notice.Version, "12/TB-UBND", new DateOnly(2026, 3, 2));
        return (d, open);
    }

    /// <summary>Lines the issued notice must read as they are, whatever it is written as.</summary>
    public static readonly IReadOnlyList<string> IssuedNoticeLines =
        ["Số: 12/TB-UBND", "Phổ Châu, ngày 02 tháng 03 năm 2026", "THÔNG BÁO", "Nơi nhận:", "- BTV Đảng ủy;", "- Lưu VT.", "TM. ỦY BAN NHÂN DÂN"];

    /// <summary>The notice's line on the petition not settled (in a PDF it may wrap).</summary>
    public static string NoticeLineOf(Petition notSettled) => $"{notSettled.Code} của Trần Thị Bình";
}
