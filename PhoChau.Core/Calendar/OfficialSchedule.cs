namespace PhoChau.Core.Calendar;

/// <summary>
/// A year's days off for civil servants as the Government announced them: weekday days off only
/// (the weekend is off anyway) and the Saturdays worked in exchange for swapped days (làm bù).
/// </summary>
public sealed record OfficialSchedule(
    int Year,
    IReadOnlyList<CalendarDay> DaysOff,
    IReadOnlyList<CalendarDay> MakeUpWorkingDays,
    string Source);
