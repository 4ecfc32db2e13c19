using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>
/// E-mail through the SMTP server of <c>Messages:Email</c> (MailKit): Vietnamese, a plain-text part with an HTML one
/// beside it, the message's idempotency key as its Message-Id. A recipient or message the server refuses (5xx) fails
/// at once (an address that bounces); a connection that drops, times out or a 4xx answer is tried again later.
/// </summary>
public sealed class EmailSender(IOptionsMonitor<MessagesOptions> options) : IMessageSender
{
    // Vietnamese letters kept as they are (WebUtility would write each as an entity).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public MessageChannel Channel => MessageChannel.Email;

    public string? NotConfigured
    {
        get
        {
            var e = options.CurrentValue.Email;
            return string.IsNullOrWhiteSpace(e.Host) || string.IsNullOrWhiteSpace(e.From) ? CoreText.Get("Messages.EmailOff") : null;
        }
    }

    public async Task<SendOutcome> SendAsync(OutboxMessage m, CancellationToken ct)
    {
        var e = options.CurrentValue.Email;
        if (!MailboxAddress.TryParse(m.Recipient, out var to)) return SendOutcome.Fail(CoreText.Get("Messages.EmailInvalid"));
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(e.FromName, e.From));
        message.To.Add(to);
        message.Subject = m.Subject;
        message.MessageId = MessageId(m, e.From);
        message.Body = new BodyBuilder
        {
            TextBody = m.Body,
            HtmlBody = "<div style=\"font-family:sans-serif\">" + string.Join("<br>", m.Body.Split('\n').Select(Html.Encode)) + "</div>",
        }.ToMessageBody();
        using var client = new SmtpClient { Timeout = Math.Max(1, e.TimeoutSeconds) * 1000 };
        try
        {
            await client.ConnectAsync(e.Host, e.Port, Security(e.Security), ct);
            if (e.UserName.Length > 0) await client.AuthenticateAsync(e.UserName, e.Password, ct);
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return SendOutcome.Fail($"{(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                   or IOException or SocketException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return SendOutcome.Retry(ex is OperationCanceledException or TimeoutException ? CoreText.Get("Messages.Timeout") : ex.Message);
        }
        // The server said 250 after DATA: the mail is its now. A QUIT that stalls or fails changes nothing of that, and a
        // retry would send the citizen the same mail twice.
        await QuitQuietlyAsync(client);
        return SendOutcome.Ok(message.MessageId);
    }

    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await client.DisconnectAsync(true, limit.Token); }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException
                                   or SocketException or TimeoutException or OperationCanceledException) { }
    }

    /// <summary>The idempotency key as a Message-Id: a receiving system sees a repeat as the same message.</summary>
    public static string MessageId(OutboxMessage m, string from)
    {
        var domain = from.Contains('@') ? from[(from.LastIndexOf('@') + 1)..] : "phochau.local";
        var local = new string(m.IdempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '.').ToArray()).Trim('.');
        return $"{local}.{m.CommuneId}@{domain}";
    }

    internal static SecureSocketOptions Security(string value) => value.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "sslonconnect" or "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}
