using System.Globalization;

namespace PhoChau.Core.Petitions;

/// <summary>Readable petition codes: KN-{year}-{number, 3 digits} (KN-2023-014).</summary>
public static class PetitionCode
{
    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"KN-{year}-{number:D3}");
}
