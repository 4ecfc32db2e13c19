using System.Globalization;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Records;

namespace PhoChau.Core.Reports;

/// <summary>
/// The plan (Kế hoạch … /KH-UBND) drafted from the dialogue's data, in the form of the commune's plan this portal
/// serves: purpose and requirements, content, participants, form, time and place, the programme of 4.1–4.3 with its
/// deadlines as the working-day calendar counts them, the tasks of each body (III). The secretary edits it before
/// it is issued; the dates are the dialogue's own (recomputed when the session date or the calendar changes).
/// </summary>
public static class PlanComposer
{
    public static IReadOnlyList<string> Plan(SessionRecord r)
    {
        var d = r.Dialogue;
        var c = r.Commune;
        var place = c.PlaceName;
        string Due(string key, string otherwise) =>
            d.Deadlines.FirstOrDefault(x => x.Key == key)?.DueDate is { } due ? "ngày " + due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : otherwise;
        var when = d.SessionDate is { } date
            ? DialogueOrganisers.TimeAndDay(date, d.StartTime)
            : $"Dự kiến {(d.Quarter is { } q ? "quý " + Roman(q) + " " : "")}năm {d.Year} (thời gian cụ thể sẽ có thông báo sau)";
        var participants = r.Participants.Where(p => p.Length > 0).ToList();
        var chair = d.ChairIsDelegated
            ? $"Phó Chủ tịch UBND xã {d.ChairName} (được ủy quyền theo {d.DelegationReference})"
            : $"Chủ tịch UBND xã{(d.ChairName.Length > 0 ? " " + d.ChairName : "")}";
        var reason = DialogueOrganisers.ReasonText(d, r.Voters);
        return
        [
            .. reason is null ? Array.Empty<string>() : [reason],
            $"Thực hiện kế hoạch cải cách hành chính năm {d.Year} và chương trình công tác năm {d.Year} của {c.CommitteeName}; {c.CommitteeName} xây dựng Kế hoạch đối thoại của Chủ tịch UBND xã với tổ chức và công dân về cải cách hành chính, tinh thần, thái độ phục vụ của cán bộ, công chức, cơ quan như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích:",
            "- Trực tiếp nắm bắt tâm tư, nguyện vọng, phản ánh, kiến nghị của công dân, tổ chức để giải quyết kịp thời những kiến nghị, bức xúc của nhân dân trong công tác cải cách hành chính, thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã và tinh thần, thái độ phục vụ của đội ngũ cán bộ, công chức.",
            "- Nâng cao chất lượng phục vụ, hiệu quả quản lý nhà nước; tăng cường niềm tin của nhân dân vào sự chỉ đạo, điều hành của chính quyền cơ sở.",
            "2. Yêu cầu:",
            "- Việc tổ chức đối thoại phải đúng pháp luật, đảm bảo tính kịp thời, khách quan, dân chủ, công khai, tránh hình thức.",
            "- Phát huy sức mạnh tổng hợp của cả hệ thống chính trị và quyền làm chủ của nhân dân trong công tác xây dựng chính quyền.",
            "- Phổ biến, tuyên truyền các quy định liên quan đến thủ tục hành chính; nâng cao nhận thức và ý thức phục vụ nhân dân của đội ngũ cán bộ, công chức.",
            "- Tập trung giải quyết ý kiến, kiến nghị của công dân, tổ chức đối với công tác cải cách hành chính, cải cách thủ tục hành chính và thái độ của cán bộ, công chức trong việc tiếp nhận giải quyết thủ tục hành chính cho công dân, tổ chức.",
            "II. NỘI DUNG",
            "1. Người thực hiện đối thoại",
            $"{chair} thực hiện đối thoại trực tiếp với công dân, tổ chức; trường hợp đột xuất thì ủy quyền cho Phó Chủ tịch UBND xã thực hiện.",
            "Thành phần tham dự: Chủ tịch UBND xã hoặc Phó Chủ tịch UBND xã khi được ủy quyền, đại diện Ban Thường trực Ủy ban MTTQ Việt Nam xã, các tổ chức chính trị - xã hội"
                + (participants.Count > 0 ? ", công chức " + string.Join(", ", participants) : ", các công chức chuyên môn") + "; các tổ chức, công dân có kiến nghị, phản ánh.",
            .. DialogueOrganisers.Lines(d),
            "2. Nội dung đối thoại",
            $"Đối thoại với công dân, tổ chức về tinh thần, thái độ phục vụ của cán bộ, công chức trong tiếp nhận, giải quyết thủ tục hành chính thuộc thẩm quyền thực hiện của {c.CommitteeName}; công tác cải cách hành chính và thủ tục hành chính trên địa bàn xã.",
            "3. Hình thức, thời gian, địa điểm đối thoại",
            $"- Hình thức đối thoại: trao đổi, đối thoại {DialogueOrganisers.FormText(d)} với tổ chức và công dân trên địa bàn toàn xã.",
            $"- Thời gian đối thoại: {when}.",
            $"- Địa điểm: {(d.Venue.Length > 0 ? d.Venue : "Hội trường " + c.CommitteeName)}.",
            .. DialogueOrganisers.ClusterLines(r.Clusters),
            "4. Trình tự đối thoại",
            "4.1. Trước khi đối thoại",
            "Thư ký (công chức Văn phòng - Thống kê, phụ trách Bộ phận Tiếp nhận và trả kết quả) giúp Chủ tịch UBND xã chuẩn bị các điều kiện tổ chức đối thoại; rà soát, thống kê, tổng hợp và đánh giá những vấn đề bức xúc của nhân dân trong công tác cải cách hành chính, kết quả giải quyết thủ tục hành chính, thái độ phục vụ của cán bộ, công chức (nếu có).",
            $"Tổng hợp, báo cáo Chủ tịch UBND xã để thống nhất thời gian tổ chức đối thoại; thông báo đến các ban, ngành có liên quan để chuẩn bị nội dung trả lời và báo cáo UBND xã (qua thư ký) chậm nhất {Due(DeadlineKeys.Answers, "07 ngày làm việc trước khi tổ chức đối thoại")}{(d.SessionDate is null ? "" : " (07 ngày làm việc trước ngày đối thoại)")}.",
            "4.2. Chương trình đối thoại",
            "- Công chức Văn phòng - Thống kê xã tuyên bố lý do, giới thiệu thành phần tham dự.",
            "- Chủ tịch UBND xã (hoặc Phó Chủ tịch UBND xã khi được ủy quyền) chủ trì buổi đối thoại quán triệt, thống nhất nội dung, phương pháp thực hiện buổi đối thoại. Thư ký tiếp nhận, tổng hợp ý kiến và đăng ký phát biểu.",
            "- Công dân, tổ chức phát biểu ý kiến kiến nghị, đề xuất theo thứ tự, nội dung đăng ký và theo sự điều hành của chủ trì.",
            "- Chủ trì phân công các ngành, bộ phận, công chức chuyên môn trả lời ý kiến, kiến nghị của nhân dân theo chức năng, nhiệm vụ và lĩnh vực phụ trách.",
            "- Chủ trì kết luận những nội dung đã đối thoại, những ý kiến kiến nghị đã được giải quyết. Đối với những ý kiến, kiến nghị chưa được giải quyết tại buổi đối thoại thì chỉ đạo các ngành, bộ phận, công chức chuyên môn có trách nhiệm tham mưu giải quyết và trả lời bằng văn bản cho công dân, tổ chức.",
            "- Thư ký lập biên bản kết thúc buổi đối thoại.",
            "4.3. Sau khi đối thoại",
            $"Chậm nhất {Due(DeadlineKeys.Conclusion, "sau 05 ngày làm việc sau khi kết thúc đối thoại")}{(d.SessionDate is null ? "" : " (05 ngày làm việc sau buổi đối thoại)")}, công chức Văn phòng - Thống kê dự thảo và thông báo ý kiến kết luận của chủ trì buổi đối thoại.",
            $"Chậm nhất {Due(DeadlineKeys.Replies, "10 ngày làm việc sau buổi đối thoại")}{(d.SessionDate is null ? "" : " (10 ngày làm việc sau buổi đối thoại)")}, các ngành, bộ phận, công chức chuyên môn có trách nhiệm tham mưu giải quyết, trả lời ý kiến, kiến nghị của công dân, tổ chức chưa được giải quyết trong buổi đối thoại. Đồng thời, báo cáo kết quả đối thoại đến Thường vụ Đảng ủy, Thường trực HĐND và Lãnh đạo UBND xã biết, chỉ đạo.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Các ngành, bộ phận, công chức chuyên môn",
            "- Theo chức năng, nhiệm vụ và lĩnh vực phụ trách chủ động nắm tình hình, tổng hợp, phân tích, đánh giá các vấn đề vướng mắc, phức tạp, dư luận quan tâm đề xuất với UBND xã, Chủ tịch UBND xã (qua thư ký) để tổ chức đối thoại; phối hợp tổ chức và tham gia buổi đối thoại khi có yêu cầu.",
            "- Chuẩn bị nội dung, tham dự buổi đối thoại và trả lời những ý kiến kiến nghị của tổ chức, công dân; trả lời kiến nghị của nhân dân và báo cáo kết quả đối với những nội dung có liên quan theo ý kiến kết luận của chủ trì buổi đối thoại.",
            "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã, các tổ chức chính trị - xã hội",
            "Nắm bắt tâm tư, nguyện vọng của nhân dân trong công tác cải cách hành chính, giải quyết thủ tục hành chính, thái độ phục vụ của đội ngũ cán bộ, công chức. Phối hợp với UBND xã tổ chức và tham gia đối thoại.",
            "3. Công chức Văn phòng - Thống kê",
            "Phối hợp với các ngành, bộ phận và công chức chuyên môn tổng hợp ý kiến kiến nghị giao các bộ phận tham mưu giải quyết; chuẩn bị nội dung, chương trình và thông báo thời gian, địa điểm đối thoại; phục vụ buổi đối thoại; thông báo kết quả giải quyết các ý kiến, kiến nghị sau khi đối thoại; đôn đốc các ngành, bộ phận và công chức chuyên môn giải quyết kịp thời các ý kiến, kiến nghị chưa được giải quyết tại buổi đối thoại.",
            "4. Ban CHQS xã, Công an xã",
            "Xây dựng kế hoạch, bố trí lực lượng đảm bảo an ninh trật tự, an toàn giao thông cho nhân dân và các thành phần dự đối thoại.",
            "5. Công chức Tài chính - Kế toán",
            "Tham mưu bố trí kinh phí thực hiện đối thoại.",
            "6. Công chức Văn hóa - Xã hội",
            "Thực hiện công tác tuyên truyền, phổ biến chủ trương, mục đích và ý nghĩa buổi đối thoại; thông báo trên phương tiện thông tin đại chúng về nội dung, thời gian, địa điểm tổ chức đối thoại.",
            "7. Các Trưởng thôn",
            "- Chủ động nắm bắt tình hình, tâm tư, nguyện vọng của công dân, tổ chức báo cáo UBND xã, Chủ tịch UBND xã (qua thư ký); thông báo thời gian, địa điểm, nội dung đối thoại cho nhân dân địa phương biết tham gia khi có nhu cầu.",
            $"Trên đây là Kế hoạch đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về công tác cải cách hành chính, giải quyết thủ tục hành chính và thái độ phục vụ nhân dân của đội ngũ cán bộ, công chức xã {place} năm {d.Year}. Yêu cầu các ngành, bộ phận, công chức chuyên môn và các Trưởng thôn nghiêm túc triển khai thực hiện, nếu có khó khăn, vướng mắc kịp thời phản ánh về công chức Văn phòng - Thống kê để tổng hợp báo cáo UBND xã, Chủ tịch UBND xã chỉ đạo./.",
        ];
    }

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => quarter.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The announcement of time, place and content (plan III.3, III.6–7) as a document: its body lines.</summary>
    public static IReadOnlyList<string> Announcement(SessionRecord r, string? publicBase = null) =>
        DialogueAnnouncement.Compose(r.Dialogue, r.Commune, r.Clusters, publicBase).Split('\n').Skip(3).Where(l => l.Length > 0).ToList();
}
