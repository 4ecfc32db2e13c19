using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PhoChau.Core.Citizens;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>
/// The dialogues' part of /ket-qua, written once per change of the results (their stamp) and language, then given to
/// every reader as it is: years of answers make a page of a megabyte, and anonymous readers must not have the hall's
/// laptop render it for each of them (public-results benchmark).
/// </summary>
public sealed class ResultsHtml(PublicResultsService results, IStringLocalizer<CitizensText> text)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All); // Vietnamese letters as they are
    private readonly ConcurrentDictionary<(int Commune, string Culture), (string Stamp, string Html, int Dialogues)> _made = new();

    /// <returns>The HTML and how many dialogues it shows.</returns>
    public async Task<(string Html, int Dialogues)> GetAsync(CancellationToken ct = default)
    {
        var (stamp, list) = await results.CurrentResultsAsync(ct);
        var key = (CommuneScope.Current, CultureInfo.CurrentUICulture.Name);
        if (_made.TryGetValue(key, out var made) && made.Stamp == stamp) return (made.Html, made.Dialogues);
        var html = Write(list);
        _made[key] = (stamp, html, list.Count);
        return (html, list.Count);
    }

    private string Write(IReadOnlyList<PublicDialogueResult> list)
    {
        var sb = new StringBuilder(list.Sum(d => 600 + d.Petitions.Count * 400));
        string E(string? s) => Encoder.Encode(s ?? "");
        static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        foreach (var d in list)
        {
            sb.Append("<section class=\"public-card\" data-testid=\"results-dialogue\"><h2>").Append(E(d.Title)).Append("</h2>")
                .Append("<p>").Append(E(text["Results.Held"])).Append(' ').Append(D(d.HeldOn)).Append(" — ").Append(E(d.Venue)).Append("</p>");
            if (d.Notice is { Length: > 0 } notice)
                sb.Append("<h3>").Append(E(string.Format(CultureInfo.CurrentCulture, text["Results.Notice"], d.NoticeNumber, D(d.NoticeIssuedOn)))).Append("</h3>")
                    .Append("<p class=\"public-text\" data-testid=\"results-notice\">").Append(E(notice)).Append("</p>");
            sb.Append("<h3>").Append(E(text["Results.Petitions"])).Append("</h3>");
            foreach (var p in d.Petitions)
            {
                // What the page's filters read (issue 33: search and filters, as Decidim's results have them).
                sb.Append("<article id=\"").Append(E(p.Code)).Append("\" class=\"results-petition\" data-testid=\"results-petition\" data-year=\"")
                    .Append(d.HeldOn?.Year.ToString(CultureInfo.InvariantCulture) ?? "").Append("\" data-field=\"").Append(E(p.Field))
                    .Append("\" data-state=\"").Append(E(p.State)).Append("\" data-department=\"").Append(E(p.Department ?? "")).Append("\"><h4>")
                    .Append(E(p.Code)).Append(" — ").Append(E(p.Field)).Append("</h4><p>")
                    .Append(E(text["Lookup.ReceivedOn"])).Append(": ").Append(D(p.ReceivedOn)).Append(" · ").Append(E(text["Lookup.Status"])).Append(": ").Append(E(p.State));
                if (p.Department is { } dep) sb.Append(" · ").Append(E(dep));
                sb.Append("</p>");
                if (p.Answer is { Length: > 0 } a)
                    sb.Append("<p class=\"public-text\"><b>").Append(E(text["Lookup.Answer"])).Append(":</b> ").Append(E(a)).Append("</p>");
                if (p.Reply is { Length: > 0 } r)
                    sb.Append("<p class=\"public-text\"><b>").Append(E(text["Lookup.Reply"])).Append("</b> (").Append(D(p.ReplySentOn)).Append("): ").Append(E(r)).Append("</p>");
                sb.Append("</article>");
            }
            sb.Append("</section>");
        }
        return sb.ToString();
    }
}
