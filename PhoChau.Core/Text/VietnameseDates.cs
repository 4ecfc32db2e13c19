using System.Globalization;
using System.Text.RegularExpressions;

namespace PhoChau.Core.Text;

/// <summary>
/// Dates and times as a Vietnamese clerk types them, whatever the browser's language: day first (15/03/2026,
/// 15-3-2026, 15.03.2026, 15032026) and the 24-hour clock (08:00, 8h30, 0800). ISO (2026-03-15) is read too, for
/// tools and pasted values. Anything else is refused, never guessed: a month-first reading is not tried.
/// </summary>
public static partial class VietnameseDates
{
    public const string DatePattern = "dd/MM/yyyy";
    public const string TimePattern = "HH:mm";

    public static string Format(DateOnly date) => date.ToString(DatePattern, CultureInfo.InvariantCulture);

    public static string Format(TimeOnly time) => time.ToString(TimePattern, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return false;
        if (IsoDate().Match(t) is { Success: true } iso)
            return TryMake(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value, out date);
        if (DayFirst().Match(t) is { Success: true } m)
            return TryMake(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value, out date);
        if (t.Length == 8 && t.All(char.IsAsciiDigit)) // 15032026, typed without separators
            return TryMake(t[4..], t[2..4], t[..2], out date);
        return false;
    }

    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        var t = text?.Trim().ToLowerInvariant() ?? "";
        if (t.Length == 0) return false;
        int hour, minute;
        if (Clock().Match(t) is { Success: true } m)
        {
            hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            minute = m.Groups[2].Success && m.Groups[2].Value.Length > 0 ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        }
        else if (t.Length is 3 or 4 && t.All(char.IsAsciiDigit)) // 800, 0830
        {
            hour = int.Parse(t[..^2], CultureInfo.InvariantCulture);
            minute = int.Parse(t[^2..], CultureInfo.InvariantCulture);
        }
        else return false;
        if (hour is < 0 or > 23 || minute is < 0 or > 59) return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    private static bool TryMake(string year, string month, string day, out DateOnly date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        if (year.Length == 2) y += 2000;
        var mo = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2200 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4}|\d{2})$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(\d{1,2})\s*(?:[:h.]|giờ)\s*(\d{0,2})\s*(?:phút|p)?$")]
    private static partial Regex Clock();
}
