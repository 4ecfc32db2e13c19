namespace PhoChau.Core.Calendar;

/// <summary>Told after the calendar changed, so every open deadline can be counted again.</summary>
public interface ICalendarChangeListener
{
    Task CalendarChangedAsync(Actor actor, CancellationToken ct);
}
