namespace PhoChau.Core.Dialogues;

/// <summary>Keys of the plan's deadlines (<see cref="Calendar.DeadlineRule.PlanDefaults"/>).</summary>
public static class DeadlineKeys
{
    /// <summary>Plan 4.1: departments' answers, 7 working days before the session.</summary>
    public const string Answers = "answers";
    /// <summary>Plan 4.3: notice of conclusions, 5 working days after.</summary>
    public const string Conclusion = "conclusion";
    /// <summary>Plan 4.3: written replies to petitions not settled, 10 working days after.</summary>
    public const string Replies = "replies";
}
