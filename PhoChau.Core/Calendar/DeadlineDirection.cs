namespace PhoChau.Core.Calendar;

/// <summary>Whether a deadline falls before its anchor event (e.g. the session) or after it.</summary>
public enum DeadlineDirection
{
    Before,
    After,
}
