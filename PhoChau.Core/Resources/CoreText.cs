using System.Globalization;
using System.Resources;

namespace PhoChau.Core.Resources;

/// <summary>
/// The Core services' messages to users: CoreText.resx (Vietnamese, the default) and CoreText.en-US.resx.
/// Read in the caller's UI culture, so the English UI gets English refusals too.
/// </summary>
public static class CoreText
{
    private static readonly ResourceManager Resources = new("PhoChau.Core.Resources.CoreText", typeof(CoreText).Assembly);

    /// <summary>The language of administrative documents (minutes, notices, reports): always Vietnamese.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public static string Format(CultureInfo culture, string key, params object?[] args) =>
        string.Format(culture, Resources.GetString(key, culture) ?? key, args);
}
