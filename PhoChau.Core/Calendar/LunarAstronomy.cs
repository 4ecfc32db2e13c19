namespace PhoChau.Core.Calendar;

/// <summary>
/// New moons and the sun's longitude for the lunar calendar, as in Hồ Ngọc Đức's published algorithm
/// (formulas after Jean Meeus, "Astronomical Algorithms"), with days counted in Vietnam's time zone.
/// </summary>
internal static class LunarAstronomy
{
    /// <summary>Vietnamese calendars are computed for UTC+7 (China's for UTC+8).</summary>
    public const double TimeZone = 7.0;
    public const double SynodicMonth = 29.530588853;
    /// <summary>Julian day of the new moon of 1900-01-01, the epoch of the month index k.</summary>
    public const double Epoch = 2415021.076998695;

    /// <summary>The day (JDN, local time) of the k-th new moon after the epoch.</summary>
    public static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZone / 24);

    /// <summary>The sun's longitude at local midnight starting the day, as one of 12 sectors of 30° (0 = vernal equinox).</summary>
    public static int SunLongitudeSector(int julianDay) =>
        (int)Math.Floor(SunLongitude(julianDay - 0.5 - TimeZone / 24) / Math.PI * 6);

    /// <summary>The sun's apparent longitude in radians (0..2π) at a Julian date (UT).</summary>
    private static double SunLongitude(double julianDate)
    {
        double t = (julianDate - 2451545.0) / 36525;
        double t2 = t * t;
        const double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m);
        dl += (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    /// <summary>The Julian date (UT) of the k-th new moon after 1900-01-01.</summary>
    private static double NewMoon(int k)
    {
        double t = k / 1236.85;
        double t2 = t * t, t3 = t2 * t;
        const double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        // ΔT (TT − UT) in days.
        double deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }
}
