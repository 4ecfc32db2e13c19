namespace PhoChau.Core.Calendar;

/// <summary>
/// The Vietnamese lunar calendar, computed astronomically for UTC+7 with Hồ Ngọc Đức's published algorithm
/// (new moons and the sun's longitude after Meeus, days as Julian day numbers).
/// Not <see cref="System.Globalization.ChineseLunisolarCalendar"/>: that one is China's (UTC+8) and
/// gives another Tết in e.g. 1985, 2007 and 2030.
/// </summary>
public static class LunarCalendar
{
    public const int MinYear = 1900, MaxYear = 2100;

    /// <summary>Julian day number of 0001-01-01 (proleptic Gregorian), so JDN = DateOnly.DayNumber + this.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>The lunar date of a solar day; the solar year must lie in 1900–2100.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        EnsureYear(date.Year);
        int dayNumber = ToJulianDay(date);
        // The mean lunation only estimates the month; the true new moon may be a day either side
        // (the published algorithm's single step back gives "day 0" on 2054-07-05).
        int k = (int)Math.Floor((dayNumber - LunarAstronomy.Epoch) / LunarAstronomy.SynodicMonth);
        while (LunarAstronomy.NewMoonDay(k) > dayNumber)
            k--;
        while (LunarAstronomy.NewMoonDay(k + 1) <= dayNumber)
            k++;
        int monthStart = LunarAstronomy.NewMoonDay(k);

        // Months are counted from the month holding the winter solstice (month 11).
        int a11 = Month11(date.Year), b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = Month11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = Month11(date.Year + 1);
        }

        int day = dayNumber - monthStart + 1;
        int diff = (monthStart - a11) / 29;
        bool leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365)
        {
            // 13 months between two solstice months: the first without a major solar term is the leap month.
            int leapOffset = LeapMonthOffset(a11);
            if (diff >= leapOffset)
            {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12)
            month -= 12;
        if (month >= 11 && diff < 4)
            lunarYear -= 1;
        return new LunarDate(day, month, lunarYear, leap);
    }

    /// <summary>The solar day of a lunar date; the lunar year must lie in 1900–2100 and the date must exist.</summary>
    public static DateOnly ToSolar(int lunarDay, int lunarMonth, int lunarYear, bool leapMonth = false)
    {
        int length = DaysInMonth(lunarMonth, lunarYear, leapMonth, out int start);
        if (lunarDay < 1 || lunarDay > length)
            throw OutOfRange(
                CoreText.Format("Calendar.LunarDayMissing", lunarMonth, leapMonth ? CoreText.Get("Calendar.Leap") : "", lunarYear, length, lunarDay));
        return FromJulianDay(start + lunarDay - 1);
    }

    /// <summary>Tết Nguyên đán: the solar day of 1/1 of the lunar year.</summary>
    public static DateOnly NewYear(int lunarYear) => ToSolar(1, 1, lunarYear);

    /// <summary>How many days (29 or 30) the lunar month has.</summary>
    public static int DaysInMonth(int lunarMonth, int lunarYear, bool leapMonth = false) =>
        DaysInMonth(lunarMonth, lunarYear, leapMonth, out _);

    /// <summary>The leap month of the lunar year (tháng nhuận), or null when the year has 12 months.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        EnsureYear(lunarYear);
        // Months 1–10 of the year follow month 11 of the previous year (offsets 3–12); a leap 11th or
        // 12th month follows month 11 of this year (offsets 1–2), as in 2033.
        int? early = LeapOffsetAfter(Month11(lunarYear - 1), Month11(lunarYear));
        if (early is >= 3)
            return early.Value - 2;
        int? late = LeapOffsetAfter(Month11(lunarYear), Month11(lunarYear + 1));
        return late is 1 or 2 ? late.Value + 10 : null;
    }

    private static int? LeapOffsetAfter(int a11, int b11) => b11 - a11 > 365 ? LeapMonthOffset(a11) : null;

    private static int DaysInMonth(int lunarMonth, int lunarYear, bool leapMonth, out int start)
    {
        EnsureYear(lunarYear);
        if (lunarMonth is < 1 or > 12)
            throw OutOfRange(CoreText.Format("Calendar.LunarMonthInvalid", lunarMonth));
        start = MonthStart(lunarMonth, lunarYear, leapMonth, out int k);
        // A lunar month runs from one new moon to the next.
        return LunarAstronomy.NewMoonDay(k + 1) - start;
    }

    private static int MonthStart(int lunarMonth, int lunarYear, bool leapMonth, out int k)
    {
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = Month11(lunarYear - 1);
            b11 = Month11(lunarYear);
        }
        else
        {
            a11 = Month11(lunarYear);
            b11 = Month11(lunarYear + 1);
        }
        int k11 = (int)Math.Floor(0.5 + (a11 - LunarAstronomy.Epoch) / LunarAstronomy.SynodicMonth);
        int offset = lunarMonth - 11;
        if (offset < 0)
            offset += 12;
        if (b11 - a11 > 365)
        {
            int leapOffset = LeapMonthOffset(a11);
            // Offset 1 is a leap 11th month, 2 a leap 12th, 3 a leap 1st month, …
            int leapMonthNumber = leapOffset - 2;
            if (leapMonthNumber <= 0)
                leapMonthNumber += 12;
            if (leapMonth && lunarMonth != leapMonthNumber)
                throw NoLeapMonth(lunarMonth, lunarYear);
            if (leapMonth || offset >= leapOffset)
                offset += 1;
        }
        else if (leapMonth)
        {
            throw NoLeapMonth(lunarMonth, lunarYear);
        }
        k = k11 + offset;
        return LunarAstronomy.NewMoonDay(k);
    }

    private static ArgumentOutOfRangeException NoLeapMonth(int lunarMonth, int lunarYear) =>
        OutOfRange(CoreText.Format("Calendar.NoLeapMonth", lunarYear, lunarMonth));

    /// <summary>No parameter name or value appended: the Vietnamese message reaches the user as it is.</summary>
    internal static ArgumentOutOfRangeException OutOfRange(string message) => new(paramName: null, message);

    internal static void EnsureYear(int year)
    {
        if (year is < MinYear or > MaxYear)
            throw OutOfRange(CoreText.Format("Calendar.YearOutOfRange", year, MinYear, MaxYear));
    }

    private static int ToJulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    /// <summary>The day of month 11 (the month holding the winter solstice) that starts in or before December of the year.</summary>
    private static int Month11(int year)
    {
        int offset = ToJulianDay(new DateOnly(year, 12, 31)) - 2415021;
        int k = (int)Math.Floor(offset / LunarAstronomy.SynodicMonth);
        int newMoon = LunarAstronomy.NewMoonDay(k);
        // Sun longitude sector 9 (270°, the solstice) already passed: the solstice month began one moon earlier.
        if (LunarAstronomy.SunLongitudeSector(newMoon) >= 9)
            newMoon = LunarAstronomy.NewMoonDay(k - 1);
        return newMoon;
    }

    /// <summary>Which month after month 11 is the leap one: the first whose start has the same major solar term as the next.</summary>
    private static int LeapMonthOffset(int a11)
    {
        int k = (int)Math.Floor((a11 - LunarAstronomy.Epoch) / LunarAstronomy.SynodicMonth + 0.5);
        int i = 1;
        int arc = LunarAstronomy.SunLongitudeSector(LunarAstronomy.NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = LunarAstronomy.SunLongitudeSector(LunarAstronomy.NewMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
