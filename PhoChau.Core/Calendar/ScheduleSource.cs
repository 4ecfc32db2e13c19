namespace PhoChau.Core.Calendar;

/// <summary>Where a year's days off come from: an announcement (shipped or entered by an administrator), or the law's defaults.</summary>
public enum ScheduleSource
{
    Official,
    Rules,
}
