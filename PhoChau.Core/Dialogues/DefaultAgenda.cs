namespace PhoChau.Core.Dialogues;

/// <summary>The plan's programme (section 4.2), the default agenda of a new dialogue.</summary>
public static class DefaultAgenda
{
    public static readonly IReadOnlyList<string> Steps =
    [
        "Công chức Văn phòng - Thống kê tuyên bố lý do, giới thiệu thành phần tham dự",
        "Chủ trì quán triệt, thống nhất nội dung, phương pháp; thư ký tiếp nhận, tổng hợp ý kiến và đăng ký phát biểu",
        "Công dân, tổ chức phát biểu ý kiến, kiến nghị theo thứ tự đăng ký",
        "Chủ trì phân công các ngành, bộ phận trả lời ý kiến, kiến nghị",
        "Chủ trì kết luận; chỉ đạo trả lời bằng văn bản các kiến nghị chưa giải quyết",
        "Thư ký lập biên bản, kết thúc buổi đối thoại",
    ];

    public static string Text => string.Join('\n', Steps);
}
