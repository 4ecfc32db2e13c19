namespace PhoChau.Core.Calendar;

/// <summary>
/// A public holiday fixed by law: a solar or lunar day and month, from a year on (null = always),
/// lasting <paramref name="Length"/> days from the anchor day moved by <paramref name="StartOffset"/> days
/// (Tết: the last day of the old year is 1/1 lunar − 1, whose lunar date is 29 or 30/12).
/// Administrators add new ones (e.g. 24/11 "Ngày Văn hóa Việt Nam") without a release.
/// </summary>
public sealed record HolidayRule(
    string Name,
    DateBasis Basis,
    int Month,
    int Day,
    int? FromYear = null,
    int Length = 1,
    int StartOffset = 0)
{
    public const int MaxLength = 15;

    /// <summary>For lunar rules the year is the lunar year.</summary>
    public bool AppliesIn(int year) => FromYear is null || year >= FromYear;

    /// <summary>A Vietnamese message when the rule cannot be used, else null.</summary>
    public string? Check() => Refusal()?.Message;

    /// <summary>Why the rule cannot be used and which of its fields is wrong, else null.</summary>
    public FieldRefusal? Refusal()
    {
        if (string.IsNullOrWhiteSpace(Name))
            return new(nameof(Name), CoreText.Get("Calendar.HolidayNameEmpty"));
        if (Month is < 1 or > 12)
            return new(nameof(Month), CoreText.Format("Calendar.MonthInvalid", Month));
        int maxDay = Basis == DateBasis.Lunar ? 30 : DateTime.DaysInMonth(2024, Month);
        if (Day < 1 || Day > maxDay)
            return new(nameof(Day), CoreText.Format("Calendar.DayInvalid", Day, Month));
        if (Length is < 1 or > MaxLength)
            return new(nameof(Length), CoreText.Format("Calendar.HolidayLength", MaxLength));
        if (FromYear is { } from && (from < LunarCalendar.MinYear || from > LunarCalendar.MaxYear))
            return new(nameof(FromYear), CoreText.Format("Calendar.YearOutOfRange", from, LunarCalendar.MinYear, LunarCalendar.MaxYear));
        return null;
    }

    /// <summary>The holiday's days in the occurrence of the given (solar or lunar) year; empty when it does not apply.</summary>
    public IReadOnlyList<DateOnly> DaysIn(int year)
    {
        if (Check() is { } problem)
            throw new ArgumentException(problem, nameof(Name));
        if (!AppliesIn(year))
            return [];
        DateOnly anchor;
        if (Basis == DateBasis.Lunar)
        {
            // 30th of a month that has 29 days that year: the month's last day, as calendars treat "30 Tết".
            int day = Math.Min(Day, LunarCalendar.DaysInMonth(Month, year));
            anchor = LunarCalendar.ToSolar(day, Month, year);
        }
        else if (Day > DateTime.DaysInMonth(year, Month))
        {
            return []; // 29/2 in a common year.
        }
        else
        {
            anchor = new DateOnly(year, Month, Day);
        }
        var first = anchor.AddDays(StartOffset);
        return [.. Enumerable.Range(0, Length).Select(first.AddDays)];
    }
}
