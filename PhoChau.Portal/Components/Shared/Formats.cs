using System.Globalization;

namespace PhoChau.Portal.Components.Shared;

/// <summary>Dates are shown dd/MM/yyyy in both languages, as in Vietnamese administrative documents.</summary>
public static class Formats
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) =>
        utc.Add(PhoChau.Core.Common.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
