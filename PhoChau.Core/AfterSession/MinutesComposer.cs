using System.Globalization;
using System.Text;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Speakers;
using PhoChau.Core.Records;

namespace PhoChau.Core.AfterSession;

/// <summary>Drafts the minutes' and the notice's text from the session's record; the secretary edits it before it is final.</summary>
public static class MinutesComposer
{
    public static string Minutes(SessionRecord r)
    {
        var d = r.Dialogue;
        var sb = new StringBuilder();
        var opened = d.OpenedAtUtc?.Add(VietnamTime.Offset);
        sb.AppendLine($"Vào lúc {(opened ?? d.SessionDate?.ToDateTime(d.StartTime ?? new TimeOnly(8, 0)))?.ToString("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…"}, tại {d.Venue}, {r.Commune.CommitteeName} tổ chức đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính.");
        if (d.OpenedOffDayReason is { Length: > 0 } reason && d.SessionDate is { } announced)
            sb.AppendLine($"Buổi đối thoại đã được thông báo tổ chức ngày {announced.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; khai mạc vào ngày khác vì: {reason}");
        sb.AppendLine();
        sb.AppendLine("I. THÀNH PHẦN");
        sb.AppendLine(d.ChairIsDelegated
            ? $"- Chủ trì: {d.ChairName}, Phó Chủ tịch UBND xã (được ủy quyền theo {d.DelegationReference})."
            : $"- Chủ trì: {d.ChairName}, Chủ tịch UBND xã.");
        foreach (var line in DialogueOrganisers.Lines(d)) sb.AppendLine(line);
        sb.AppendLine($"- Thư ký: {d.SecretaryName}.");
        sb.AppendLine($"- Hình thức: {DialogueOrganisers.FormText(d)}.");
        if (d.ParentId is not null) sb.AppendLine($"- Buổi đối thoại theo cụm thôn: {d.ClusterName}, gồm {string.Join(", ", r.OwnVillages)}.");
        if (r.Participants.Count > 0) sb.AppendLine($"- Thành phần tham dự: {string.Join("; ", r.Participants)}.");
        var present = r.Speakers.Count(s => s.Status is SpeakerStatus.Done or SpeakerStatus.Speaking);
        var remote = r.HeardFromAfar;
        // A dialogue held online too (art. 43): the minutes say who was heard from afar.
        sb.AppendLine($"- Công dân, tổ chức đăng ký phát biểu: {r.Speakers.Count} người ({present} người đã phát biểu"
            + (remote > 0 ? $", trong đó {remote} người phát biểu trực tuyến" : "") + ").");
        if (OnlineAudienceLine(r) is { } online) sb.AppendLine(online);
        sb.AppendLine();
        sb.AppendLine("II. NỘI DUNG ĐỐI THOẠI");
        var n = 0;
        foreach (var s in r.Speakers.Where(s => s.Status is SpeakerStatus.Done or SpeakerStatus.Speaking))
        {
            n++;
            sb.AppendLine($"{n}. {s.Name} ({s.VillageOrOrganisation}{(s.Remote ? ", phát biểu trực tuyến" : "")}): {(string.IsNullOrWhiteSpace(s.Summary) ? s.Topic : s.Summary)}");
            if (!string.IsNullOrWhiteSpace(s.AnswerGiven)) sb.AppendLine($"   Trả lời: {s.AnswerGiven}");
        }
        if (n == 0) sb.AppendLine("Không có ý kiến phát biểu.");
        sb.AppendLine();
        sb.AppendLine("III. KẾT QUẢ GIẢI QUYẾT KIẾN NGHỊ");
        var settled = r.SettledAtSession;
        var notSettled = r.InWriting;
        sb.AppendLine($"1. Kiến nghị đã giải quyết tại buổi đối thoại: {settled.Count}.");
        foreach (var p in settled) sb.AppendLine($"   - {p.Code} ({p.PetitionerName}): {p.SessionAnswer} — {p.SessionAnsweredBy}.");
        sb.AppendLine($"2. Kiến nghị chưa giải quyết, giao trả lời bằng văn bản: {notSettled.Count}.");
        foreach (var p in notSettled) sb.AppendLine($"   - {p.Code} ({p.PetitionerName}): giao {r.AssignedTo(p)}, hạn {p.ReplyDueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…"}.");
        sb.AppendLine();
        sb.AppendLine("IV. KẾT LUẬN CỦA CHỦ TRÌ");
        sb.AppendLine(string.IsNullOrWhiteSpace(d.Conclusion) ? "…" : d.Conclusion);
        sb.AppendLine();
        var ended = d.ConcludedAtUtc?.Add(VietnamTime.Offset);
        sb.Append($"Buổi đối thoại kết thúc vào lúc {ended?.ToString("HH 'giờ' mm 'phút'", CultureInfo.InvariantCulture) ?? "…"} cùng ngày. Biên bản đã được thông qua trước các thành phần tham dự.");
        return sb.ToString();
    }

    public static string Notice(SessionRecord r)
    {
        var d = r.Dialogue;
        var sb = new StringBuilder();
        // Held by village clusters: every session, by its day and place, then the one conclusion.
        var where = r.Clusters.Count == 0
            ? $"Ngày {d.HeldOn()?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…"}, tại {d.Venue}"
            : "Theo cụm thôn, tại " + string.Join("; ", r.Clusters.Select(c => $"{c.Name} ngày {(c.HeldOn ?? c.SessionDate)?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…"} tại {c.Venue}"));
        sb.AppendLine($"{where}, {(d.ChairIsDelegated ? "Phó Chủ tịch" : "Chủ tịch")} UBND xã {d.ChairName} đã chủ trì {(r.Clusters.Count == 0 ? "buổi" : "các buổi")} đối thoại với công dân, tổ chức về cải cách hành chính. Sau khi nghe ý kiến của công dân, tổ chức và các bộ phận chuyên môn, người chủ trì kết luận như sau:");
        sb.AppendLine(string.IsNullOrWhiteSpace(d.Conclusion) ? "…" : d.Conclusion);
        var notSettled = r.InWriting;
        if (notSettled.Count > 0)
        {
            sb.AppendLine("Giao các bộ phận chuyên môn tham mưu giải quyết, trả lời bằng văn bản cho công dân, tổ chức các kiến nghị chưa được giải quyết tại buổi đối thoại:");
            foreach (var p in notSettled)
                sb.AppendLine($"- {p.Code} của {p.PetitionerName}: {r.AssignedTo(p)}, hoàn thành trước ngày {p.ReplyDueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…"}.");
        }
        sb.Append("Văn phòng - Thống kê theo dõi, đôn đốc và tổng hợp kết quả báo cáo Chủ tịch UBND xã.");
        return sb.ToString();
    }

    /// <summary>
    /// A dialogue held online too (art. 43): the most who followed it at once, as the portal saw them, for the minutes and
    /// the report; null for one held in person only.
    /// </summary>
    public static string? OnlineAudienceLine(SessionRecord r)
    {
        if (r.Dialogue.Form == DialogueForm.InPerson) return null;
        var (viewers, listeners) = r.OnlineAudience;
        return $"- Theo dõi trực tuyến: cao nhất {viewers} người cùng xem trang trực tiếp của buổi đối thoại"
            + (listeners > 0 ? $", {listeners} người cùng nghe âm thanh trực tiếp" : "") + ".";
    }
}
