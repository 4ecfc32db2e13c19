using System.Text.RegularExpressions;

namespace PhoChau.Core.Common;

/// <summary>
/// A Vietnamese phone number: the one rule the petitions, the hall's phone requests, data requests and messages share
/// (issue 34.5: it was a validator's static methods, called from four features). Written as people write it
/// ("0905 123 456", "0905.123.456", "+84 905 123 456"), kept as 0 and 9–10 digits, given to gateways as 84….
/// </summary>
public readonly partial record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    /// <summary>The stored form: 0 then 9 or 10 digits.</summary>
    public string Value { get; }

    /// <summary>The international form SMS and Zalo gateways take: 0905… → 84905….</summary>
    public string International => InternationalOf(Value);

    public override string ToString() => Value;

    public static bool TryParse(string? text, out PhoneNumber phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30) return false;
        var stored = Normalize(text);
        if (!Pattern().IsMatch(stored)) return false;
        phone = new PhoneNumber(stored);
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>Spaces, dots, dashes and brackets dropped, +84 written 0: the form a number is stored and compared in.</summary>
    public static string Normalize(string text)
    {
        var s = new string(text.Where(c => !" .-()".Contains(c)).ToArray());
        return s.StartsWith("+84", StringComparison.Ordinal) ? "0" + s[3..] : s;
    }

    /// <summary>The stored form of a number given, or null when none is (empty): what a record keeps.</summary>
    public static string? StoredOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Normalize(text);

    /// <summary>A stored number (0…) in the gateways' form (84…); anything else as it is.</summary>
    public static string InternationalOf(string stored) => stored.StartsWith('0') ? "84" + stored[1..] : stored;

    [GeneratedRegex(@"^0\d{9,10}$")]
    private static partial Regex Pattern();
}
