namespace PhoChau.Core.Calendar;

/// <summary>
/// What a listed calendar day is: a weekday off, a Saturday/Sunday worked in exchange (làm bù), or — as an
/// administrator's correction only — a weekday the rules made a day off that is worked after all (the
/// Prime Minister chose another day next to 2/9, say).
/// </summary>
public enum CalendarDayKind
{
    DayOff,
    MakeUpWorkingDay,
    CancelledDayOff,
}
