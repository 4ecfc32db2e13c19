using System.Net;

namespace PhoChau.Portal.Resources;

/// <summary>
/// The whole answer of a refusal written before any page exists (too many sign-ins, a flood from one phone, the
/// public lane full): a few bytes, Vietnamese first and English beneath, from the resource files.
/// </summary>
public static class RefusalPage
{
    /// <param name="key">The texts' prefix: "{key}.Title" and "{key}.Text" (the text may hold a link).</param>
    public static string Html(string key) =>
        "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{WebUtility.HtmlEncode(PortalText.Get(key + ".Title", PortalText.Vietnamese))}</title>" +
        $"<p>{PortalText.Get(key + ".Text", PortalText.Vietnamese)}</p>" +
        $"<p lang=\"en\">{PortalText.Get(key + ".Text", PortalText.English)}</p></html>";
}
