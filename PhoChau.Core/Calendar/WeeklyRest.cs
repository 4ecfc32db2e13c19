namespace PhoChau.Core.Calendar;

/// <summary>Civil servants work Monday to Friday (Quyết định 188/1999/QĐ-TTg); Saturday and Sunday are the weekly rest.</summary>
internal static class WeeklyRest
{
    public static bool Includes(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
