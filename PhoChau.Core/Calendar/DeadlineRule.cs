namespace PhoChau.Core.Calendar;

/// <summary>A deadline counted in working days before or after an event, e.g. "5 working days after the session".</summary>
public sealed record DeadlineRule(string Key, string Name, string AnchorEvent, DeadlineDirection Direction, int WorkingDays)
{
    public const string Session = "Buổi đối thoại";

    /// <summary>The commune plan's deadlines around a dialogue session.</summary>
    public static IReadOnlyList<DeadlineRule> PlanDefaults { get; } =
    [
        // At least 7 working days before the session, the departments send their answers.
        new("answers", "Các ngành gửi nội dung trả lời", Session, DeadlineDirection.Before, 7),
        // Within 5 working days after the session, the conclusion notice.
        new("conclusion", "Thông báo kết luận", Session, DeadlineDirection.After, 5),
        // Within 10 working days after the session, written replies to petitions not settled at it.
        new("replies", "Trả lời bằng văn bản kiến nghị chưa giải quyết", Session, DeadlineDirection.After, 10),
    ];
}
