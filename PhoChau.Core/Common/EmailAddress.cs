using System.Net.Mail;

namespace PhoChau.Core.Common;

/// <summary>An e-mail address as the portal takes it: one plain address (no display name), at most 254 characters.</summary>
public static class EmailAddress
{
    public static bool IsValid(string? text)
    {
        var e = text?.Trim();
        return e is { Length: > 0 and <= 254 } && MailAddress.TryCreate(e, out var a) && a.Address == e;
    }
}
