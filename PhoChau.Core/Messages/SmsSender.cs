using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PhoChau.Core.Text;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>
/// SMS through the HTTP gateway <c>Messages:Sms</c> describes (URL, method, headers, a body template, how success
/// reads in the answer), so a Vietnamese brandname gateway fits without code. The text loses its diacritics when the
/// gateway needs it and is cut to the length it allows. A timeout, a 5xx or a 429 is tried again later; another 4xx
/// fails at once; a 2xx whose body says an error is tried again with the gateway's code and reason recorded.
/// </summary>
public sealed class SmsSender(IOptionsMonitor<MessagesOptions> options) : IMessageSender
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };

    public MessageChannel Channel => MessageChannel.Sms;

    public string? NotConfigured => string.IsNullOrWhiteSpace(options.CurrentValue.Sms.Url) ? CoreText.Get("Messages.SmsOff") : null;

    /// <summary>
    /// The text as the gateway is given it: without diacritics when asked, within its length. A message that ends with
    /// its stop link keeps that line whole (consent: the way out must reach the citizen); the text before it is shortened.
    /// </summary>
    public static string TextFor(string body, SmsOptions o)
    {
        var text = (o.Unaccented ? VietnameseText.Unaccent(body) : body).Replace("\r", "");
        var lastBreak = text.LastIndexOf('\n');
        var stop = lastBreak >= 0 && text[(lastBreak + 1)..].Contains("/tin-nhan/dung/", StringComparison.Ordinal) ? text[(lastBreak + 1)..].Trim() : "";
        var head = (stop.Length > 0 ? text[..lastBreak] : text).Replace('\n', ' ').Trim();
        if (o.MaxLength <= 3) return stop.Length > 0 ? head + " " + stop : head;
        if (stop.Length == 0 || stop.Length + 5 > o.MaxLength) return Cut(stop.Length > 0 ? head + " " + stop : head, o.MaxLength);
        return Cut(head, o.MaxLength - stop.Length - 1) + " " + stop;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..(max - 3)].TrimEnd() + "..." : text;

    public async Task<SendOutcome> SendAsync(OutboxMessage m, CancellationToken ct)
    {
        var o = options.CurrentValue.Sms;
        var text = TextFor(m.Body, o);
        var phone = m.Recipient;
        var phone84 = PhoneNumber.InternationalOf(phone);
        var json = o.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase);
        var form = o.ContentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        string Escape(string v) => json ? JsonEncodedText.Encode(v, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() : form ? Uri.EscapeDataString(v) : v;
        string Fill(string template, Func<string, string> escape) => template
            .Replace("{phone84}", escape(phone84)).Replace("{phone}", escape(phone)).Replace("{text}", escape(text)).Replace("{id}", escape(m.IdempotencyKey));

        using var request = new HttpRequestMessage(new HttpMethod(o.Method.ToUpperInvariant()), Fill(o.Url, Uri.EscapeDataString));
        foreach (var (name, value) in o.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (o.Body.Length > 0 && request.Method != HttpMethod.Get)
            request.Content = new StringContent(Fill(o.Body, Escape), Encoding.UTF8, o.ContentType.Split(';')[0].Trim());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        HttpResponseMessage response;
        string answer;
        try
        {
            response = await Http.SendAsync(request, timeout.Token);
            answer = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Retry(CoreText.Get("Messages.Timeout"));
        }
        catch (HttpRequestException ex)
        {
            return SendOutcome.Retry(ex.Message);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests) return SendOutcome.Retry($"HTTP {status}: {Excerpt(answer)}");
            if (status >= 400) return SendOutcome.Fail($"HTTP {status}: {Excerpt(answer)}");
            if (o.SuccessField.Length == 0) return SendOutcome.Ok(Read(answer, o.IdField));
            var code = Read(answer, o.SuccessField);
            var accepted = o.SuccessValues.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (code is not null && accepted.Contains(code, StringComparer.OrdinalIgnoreCase)) return SendOutcome.Ok(Read(answer, o.IdField));
            return SendOutcome.Retry(CoreText.Format("Messages.GatewayError", code ?? "?", Read(answer, o.ErrorField) ?? Excerpt(answer)));
        }
    }

    /// <summary>A property of a JSON answer by its dotted path, as text; null when the answer is not JSON or has none.</summary>
    public static string? Read(string json, string path)
    {
        if (path.Length == 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var e = doc.RootElement;
            foreach (var part in path.Split('.'))
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out e)) return null;
            }
            return e.ValueKind switch { JsonValueKind.String => e.GetString(), JsonValueKind.Null => null, _ => e.GetRawText() };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string s) => s.Length > 200 ? s[..200] : s;
}
