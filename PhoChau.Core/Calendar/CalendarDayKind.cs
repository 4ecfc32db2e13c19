namespace PhoChau.Core.Calendar;

/// <summary>What a listed calendar day is: a weekday off, or a Saturday/Sunday worked in exchange (làm bù).</summary>
public enum CalendarDayKind
{
    DayOff,
    MakeUpWorkingDay,
}
