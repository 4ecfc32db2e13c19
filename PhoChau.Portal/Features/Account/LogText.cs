namespace PhoChau.Portal.Features.Account;

/// <summary>Text a user typed, made safe for a log line: no control characters (no forged lines), bounded length.</summary>
public static class LogText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var cleaned = new string(text.Where(c => !char.IsControl(c)).Take(100).ToArray());
        return text.Length > 100 ? cleaned + "…" : cleaned;
    }
}
