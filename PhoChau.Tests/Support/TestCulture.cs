using System.Globalization;
using System.Runtime.CompilerServices;

namespace PhoChau.Tests.Support;

/// <summary>
/// Messages are asserted in Vietnamese, the portal's default language, whatever LANG the machine has
/// (an en_US machine would otherwise get the English resources). Number and date formats stay the machine's.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseVietnamese()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
    }
}
