namespace PhoChau.Core.Calendar;

/// <summary>Due dates of deadline rules on a working calendar.</summary>
public static class Deadlines
{
    /// <summary>
    /// "Within N working days after": the N-th working day after the anchor (counting from the day after).
    /// "At least N working days before": the N-th working day before it (counting back from the day before).
    /// </summary>
    public static DateOnly Compute(WorkingCalendar calendar, DeadlineRule rule, DateOnly anchor) =>
        calendar.AddWorkingDays(anchor, rule.Direction == DeadlineDirection.Before ? -rule.WorkingDays : rule.WorkingDays);
}
