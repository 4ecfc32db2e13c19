using System.Globalization;

namespace PhoChau.Core.Dialogues;

/// <summary>The text village heads read out and the radio broadcasts (plan III.6–7): date, place, content.</summary>
public static class DialogueAnnouncement
{
    /// <param name="clusters">The sessions of a dialogue held by village clusters, each announced with its villages, time and place.</param>
    public static string Compose(Dialogue d, CommuneProfile commune, IReadOnlyList<ClusterSession>? clusters = null)
    {
        var when = d.SessionDate is { } date
            ? $"{(d.StartTime is { } t ? t.ToString("HH", CultureInfo.InvariantCulture) + " giờ " + t.ToString("mm", CultureInfo.InvariantCulture) + " phút, " : "")}{WeekDay(date)}, ngày {date:dd/MM/yyyy}"
            : "thời gian cụ thể sẽ được thông báo sau";
        var chair = d.ChairIsDelegated
            ? $"Phó Chủ tịch UBND xã {d.ChairName} (được ủy quyền theo {d.DelegationReference})"
            : $"Chủ tịch UBND xã {d.ChairName}".TrimEnd();
        return string.Join('\n', (string[])[
            $"THÔNG BÁO",
            $"Về việc tổ chức đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính",
            "",
            $"{commune.CommitteeName} tổ chức buổi đối thoại: {d.Title}.",
            $"- Thời gian: {when}.",
            $"- Địa điểm: {d.Venue}.",
            .. DialogueOrganisers.ClusterLines(clusters ?? []),
            $"- Chủ trì: {chair}.",
            .. DialogueOrganisers.Lines(d),
            $"- Hình thức: {DialogueOrganisers.FormText(d)}.",
            "- Nội dung: đối thoại với công dân, tổ chức về tinh thần, thái độ phục vụ của cán bộ, công chức trong tiếp nhận, giải quyết thủ tục hành chính; công tác cải cách hành chính và thủ tục hành chính trên địa bàn xã.",
            "Công dân, tổ chức có ý kiến, kiến nghị xin gửi về Bộ phận Tiếp nhận và trả kết quả của UBND xã, qua Trưởng thôn, hoặc đăng ký phát biểu tại buổi đối thoại.",
            $"Đề nghị Trưởng các thôn thông báo rộng rãi đến nhân dân biết, tham gia."]);
    }

    private static string WeekDay(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };
}
