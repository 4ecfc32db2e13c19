using System.Globalization;
using System.Resources;

namespace PhoChau.Portal.Resources;

/// <summary>
/// SharedResource's words for code that is not a component (an endpoint's answer, a refusal page written before any
/// page exists), in the user's language or one named: the same resource files the screens read, so no text of the
/// portal lives in its code (issue 34.6).
/// </summary>
public static class PortalText
{
    private static readonly ResourceManager Manager = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Get(string key, CultureInfo? culture = null) =>
        Manager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException(key);

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public static string Format(CultureInfo culture, string key, params object?[] args) => string.Format(culture, Get(key, culture), args);
}
