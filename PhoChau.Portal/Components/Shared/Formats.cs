using System.Globalization;

namespace PhoChau.Portal.Components.Shared;

/// <summary>Dates are shown dd/MM/yyyy in both languages, as in Vietnamese administrative documents.</summary>
public static class Formats
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) =>
        utc.Add(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / 1073741824.0).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
        >= 1 << 20 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1 << 10 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes + " B",
    };
}
