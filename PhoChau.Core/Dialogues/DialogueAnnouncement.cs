using System.Globalization;

namespace PhoChau.Core.Dialogues;

/// <summary>The text village heads read out and the radio broadcasts (plan III.6–7): date, place, content.</summary>
public static class DialogueAnnouncement
{
    /// <param name="clusters">The sessions of a dialogue held by village clusters, each announced with its villages, time and place.</param>
    /// <param name="publicBase">The portal's address for citizens' phones: a dialogue held online too gives its live page and phone form there.</param>
    public static string Compose(Dialogue d, CommuneProfile commune, IReadOnlyList<ClusterSession>? clusters = null, string? publicBase = null)
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
            .. OnlineLines(d, publicBase),
            "- Nội dung: đối thoại với công dân, tổ chức về tinh thần, thái độ phục vụ của cán bộ, công chức trong tiếp nhận, giải quyết thủ tục hành chính; công tác cải cách hành chính và thủ tục hành chính trên địa bàn xã.",
            "Công dân, tổ chức có ý kiến, kiến nghị xin gửi về Bộ phận Tiếp nhận và trả kết quả của UBND xã, qua Trưởng thôn, hoặc đăng ký phát biểu tại buổi đối thoại.",
            $"Đề nghị Trưởng các thôn thông báo rộng rãi đến nhân dân biết, tham gia."]);
    }

    /// <summary>The live page's address (the QR code printed with the announcement opens it), or null when held in person only.</summary>
    public static string? LiveAddress(Dialogue d, string? publicBase) =>
        d.Form == DialogueForm.InPerson || string.IsNullOrEmpty(publicBase) ? null : $"{publicBase.TrimEnd('/')}/truc-tiep/{d.Id}";

    /// <summary>The 2025 law (art. 43): how to follow a dialogue held online too, and how to ask to speak from afar.</summary>
    private static IEnumerable<string> OnlineLines(Dialogue d, string? publicBase)
    {
        if (d.Form == DialogueForm.InPerson) yield break;
        var root = publicBase?.TrimEnd('/');
        yield return "- Theo dõi trực tuyến (không cần đăng nhập, xem được trên điện thoại): "
            + (root is { Length: > 0 } ? $"{root}/truc-tiep/{d.Id} (hoặc quét mã QR in kèm Thông báo này)" : "trang \"Trực tiếp\" của buổi đối thoại trên Cổng đối thoại của xã")
            + "; trang cho biết nội dung đang đối thoại, người đang phát biểu và thứ tự tiếp theo, các kiến nghị được giao bộ phận giải quyết, kết luận của Chủ tịch, và phát âm thanh từ hội trường khi xã phát trực tuyến.";
        yield return "- Đăng ký phát biểu từ xa: "
            + (root is { Length: > 0 } ? $"tại {root}/sessions/{d.Id}/dang-ky" : "trên trang đăng ký phát biểu của buổi đối thoại")
            + ", chọn \"Tôi theo dõi trực tuyến\" và ghi số điện thoại; khi đến lượt, cán bộ gọi lại hoặc gửi đường dẫn để tham gia. Tên người phát biểu chỉ hiện trên trang trực tiếp khi người đó đồng ý.";
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
