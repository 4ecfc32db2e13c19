namespace PhoChau.Core.Calendar;

/// <summary>A day of the Vietnamese lunar calendar (âm lịch); <see cref="IsLeapMonth"/> marks the repeated month (tháng nhuận).</summary>
public readonly record struct LunarDate(int Day, int Month, int Year, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day:00}/{Month:00}{(IsLeapMonth ? " nhuận" : "")}/{Year}";
}
