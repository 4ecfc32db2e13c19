using System.Globalization;

namespace PhoChau.Core.Messages;

/// <summary>
/// <c>Messages:*</c>: the channels (a channel with no configuration is off), quiet hours (Vietnam time), reminders and
/// the address citizens' links point to. The portal works the same with none of it.
/// </summary>
public sealed class MessagesOptions
{
    /// <summary>The address in citizens' links (/tra-cuu, rating, stop); <c>Public:BaseUrl</c> when empty.</summary>
    public string PublicUrl { get; set; } = "";
    /// <summary>No message is sent from this hour to <see cref="QuietUntil"/> (HH:mm, Vietnam time); it waits for the morning.</summary>
    public string QuietFrom { get; set; } = "21:00";
    public string QuietUntil { get; set; } = "07:00";
    /// <summary>Officers are reminded this many working days before an answer or a reply is due (and on the day it is overdue).</summary>
    public int ReminderWorkingDays { get; set; } = 2;
    /// <summary>The hour (Vietnam time) reminders and the chairman's and secretary's digest go out.</summary>
    public int DigestHour { get; set; } = 7;
    /// <summary>Attempts before a message is given up (failed, with the last reason); the waits double from 30 s to 1 h.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>How long a node's claim on the messages it is sending lasts (seconds, at least 5): a node that died is taken over after it.</summary>
    public int ClaimSeconds { get; set; } = 120;
    public EmailOptions Email { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public ZaloOptions Zalo { get; set; } = new();

    /// <summary>Whether <paramref name="localTime"/> falls in the quiet hours (which may run past midnight).</summary>
    public bool IsQuiet(TimeOnly localTime)
    {
        if (!TimeOnly.TryParse(QuietFrom, CultureInfo.InvariantCulture, out var from)
            || !TimeOnly.TryParse(QuietUntil, CultureInfo.InvariantCulture, out var until) || from == until) return false;
        return from < until ? localTime >= from && localTime < until : localTime >= from || localTime < until;
    }

    /// <summary>The end of the quiet hours after <paramref name="localNow"/> (Vietnam time).</summary>
    public DateTime QuietEnds(DateTime localNow)
    {
        var until = TimeOnly.Parse(QuietUntil, CultureInfo.InvariantCulture);
        var end = localNow.Date.Add(until.ToTimeSpan());
        return end > localNow ? end : end.AddDays(1);
    }
}

/// <summary>E-mail through SMTP (MailKit): off while <see cref="Host"/> or <see cref="From"/> is empty.</summary>
public sealed class EmailOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    /// <summary>StartTls (default), SslOnConnect, Auto, or None (a relay on the local network).</summary>
    public string Security { get; set; } = "StartTls";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string From { get; set; } = "";
    public string FromName { get; set; } = "UBND xã";
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>The mailbox bounces come back to, read by POP3; off while its host is empty.</summary>
    public BounceOptions Bounces { get; set; } = new();
}

/// <summary>
/// The mailbox the mail servers send their delivery reports (bounces) to: the envelope sender's, the
/// <see cref="EmailOptions.From"/> address unless the SMTP server rewrites it. Read by POP3 every
/// <see cref="IntervalMinutes"/>; off while <see cref="Host"/> is empty.
/// </summary>
public sealed class BounceOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 995;
    /// <summary>SslOnConnect (995, default), StartTls, Auto or None.</summary>
    public string Security { get; set; } = "SslOnConnect";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public int IntervalMinutes { get; set; } = 15;
}

/// <summary>
/// SMS through an HTTP gateway described here, so that a brandname gateway fits without code: off while
/// <see cref="Url"/> is empty. <see cref="Body"/> is the request's body with {phone} (0…), {phone84} (84…), {text}
/// and {id} (the message's idempotency key) put in, escaped for <see cref="ContentType"/> (JSON or form).
/// </summary>
public sealed class SmsOptions
{
    public string Url { get; set; } = "";
    public string Method { get; set; } = "POST";
    public Dictionary<string, string> Headers { get; set; } = new();
    public string ContentType { get; set; } = "application/json";
    public string Body { get; set; } = "";
    /// <summary>The answer's JSON property (dotted path) that tells success; empty: any 2xx answer is success.</summary>
    public string SuccessField { get; set; } = "";
    /// <summary>The values of <see cref="SuccessField"/> that mean sent (comma-separated), e.g. "100" or "0".</summary>
    public string SuccessValues { get; set; } = "";
    /// <summary>The answer's property that carries the gateway's reason on failure, for the outbox page.</summary>
    public string ErrorField { get; set; } = "";
    /// <summary>The property with the gateway's id of the message, when it gives one.</summary>
    public string IdField { get; set; } = "";
    /// <summary>Vietnamese without diacritics (most brandname gateways count a message with them as Unicode, 70 characters).</summary>
    public bool Unaccented { get; set; } = true;
    public int MaxLength { get; set; } = 160;
    public int TimeoutSeconds { get; set; } = 15;
}

/// <summary>
/// Zalo Notification Service (template messages to a phone number through the commune's approved Official
/// Account): off while <see cref="AppId"/> or the tokens are missing. Each kind of message has its approved
/// template's id in <see cref="Templates"/> (a kind without one is not sent by Zalo).
/// </summary>
public sealed class ZaloOptions
{
    public string ApiUrl { get; set; } = "https://business.openapi.zalo.me/message/template";
    public string OAuthUrl { get; set; } = "https://oauth.zaloapp.com/v4/oa/access_token";
    public string AppId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    /// <summary>The first access and refresh tokens; the refreshed ones are kept in the database from then on.</summary>
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public Dictionary<string, string> Templates { get; set; } = new();
    /// <summary>The longest a template parameter may be (ZNS refuses longer ones); longer text is cut with "…".</summary>
    public int MaxParameterLength { get; set; } = 100;
    public int TimeoutSeconds { get; set; } = 15;
}
