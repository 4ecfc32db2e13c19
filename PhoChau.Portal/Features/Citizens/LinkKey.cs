using System.Globalization;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>The "{petition}-{token}" of a citizen's message link (the token may itself contain "-").</summary>
public static class LinkKey
{
    public static bool TryParse(string? key, out int petitionId, out string token)
    {
        petitionId = 0;
        token = "";
        var dash = key?.IndexOf('-') ?? -1;
        if (key is null || dash <= 0 || key.Length > 40) return false;
        token = key[(dash + 1)..];
        return int.TryParse(key.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out petitionId);
    }
}
