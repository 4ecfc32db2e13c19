namespace PhoChau.Core.Calendar;

/// <summary>How a due date stands today: working days left (negative once overdue) — what lists and inboxes show.</summary>
public readonly record struct DueStatus(DateOnly DueDate, int WorkingDaysLeft)
{
    public bool IsOverdue => WorkingDaysLeft < 0;

    /// <summary>"Due today" is 0 left, not overdue; the day after the due date is overdue by its working days.</summary>
    public static DueStatus Of(WorkingCalendar calendar, DateOnly today, DateOnly due) =>
        new(due, due >= today ? calendar.CountWorkingDaysBetween(today, due) : -Math.Max(1, calendar.CountWorkingDaysBetween(due, today)));
}
