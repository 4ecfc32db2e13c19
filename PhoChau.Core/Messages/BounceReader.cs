using System.Text.RegularExpressions;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MailKit.Security;
using System.Net.Sockets;
using System.Text;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>What a delivery report says: the Message-Ids it quotes, whether delivery failed for good, and why.</summary>
public sealed record BounceReport(IReadOnlyList<string> MessageIds, bool Failed, string Reason);

/// <summary>
/// Bounces that come back later as mail: a mail server that took an e-mail and could not deliver it sends a report
/// to the envelope sender's mailbox. That mailbox is read by POP3 (<c>Messages:Email:Bounces</c>); a report about an
/// e-mail the portal sent (found by its Message-Id) marks that message bounced with the report's status and reason,
/// shown on the outbox page, and is deleted from the mailbox; every other mail there is left as it is.
/// </summary>
public sealed partial class BounceReader(IDbContextFactory<PhoChauDbContext> dbFactory, IOptionsMonitor<MessagesOptions> options, TimeProvider clock,
    ILogger<BounceReader> log)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.CurrentValue.Email.Bounces.Host);

    /// <summary>When the mailbox was last read, how many bounces that found, or why it could not be read.</summary>
    public (DateTime AtUtc, int Bounces, string? Error)? LastRead { get; private set; }

    /// <summary>Reads the mailbox once; the number of messages newly marked bounced.</summary>
    public async Task<int> ReadAsync(CancellationToken ct = default)
    {
        if (!Configured) return 0;
        var b = options.CurrentValue.Email.Bounces;
        try
        {
            using var client = new Pop3Client { Timeout = 30_000 };
            await client.ConnectAsync(b.Host, b.Port, EmailSender.Security(b.Security), ct);
            if (b.UserName.Length > 0) await client.AuthenticateAsync(b.UserName, b.Password, ct);
            var bounced = 0;
            for (var i = 0; i < client.Count; i++)
            {
                // The headers first where the server allows it: a mailbox full of ordinary mail is not downloaded each time.
                if (client.Capabilities.HasFlag(Pop3Capabilities.Top))
                {
                    // As sent (GetMessageHeaders leaves Content-Type to the body it parses, and there is no body here).
                    await using var head = await client.GetStreamAsync(i, headersOnly: true, ct);
                    if (!MayBeReport(await HeaderList.LoadAsync(ParserOptions.Default, head, ct))) continue;
                }
                if (Parse(await client.GetMessageAsync(i, ct)) is not { } report) continue;
                var (found, marked) = await RecordAsync(report, ct);
                bounced += marked;
                if (found) await client.DeleteMessageAsync(i, ct); // a report about the portal's own mail, handled
            }
            await client.DisconnectAsync(true, ct); // QUIT: the deletions take effect
            LastRead = (clock.GetUtcNow().UtcDateTime, bounced, null);
            if (bounced > 0) log.LogInformation("Bounces: {Count} e-mail(s) reported undeliverable", bounced);
            return bounced;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LastRead = (clock.GetUtcNow().UtcDateTime, 0, e switch
            {
                AuthenticationException => CoreText.Get("Messages.BouncesSignInRefused"),
                SocketException => CoreText.Format("Messages.BouncesNoConnection", b.Host, b.Port),
                _ => e.Message,
            });
            log.LogWarning("Bounces: the mailbox {Host}:{Port} could not be read: {Reason}", b.Host, b.Port, e.Message);
            return 0;
        }
    }

    private static bool MayBeReport(HeaderList headers) =>
        (headers[HeaderId.ContentType] ?? "").Contains("report", StringComparison.OrdinalIgnoreCase)
        || FailureSubject().IsMatch(headers[HeaderId.Subject] ?? "");

    /// <summary>
    /// A delivery report (RFC 3464: multipart/report with a message/delivery-status part), or a plain bounce that says
    /// so in its subject and quotes the original headers; null for any other mail.
    /// </summary>
    public static BounceReport? Parse(MimeMessage mail)
    {
        var ids = new List<string>();
        string? status = null, diagnostic = null;
        bool? failed = null;
        foreach (var part in mail.BodyParts)
        {
            if (part is MimePart mp && (mp.ContentType.IsMimeType("message", "delivery-status") || mp.ContentType.IsMimeType("message", "global-delivery-status")))
            {
                using var text = new MemoryStream();
                mp.Content?.DecodeTo(text);
                foreach (var group in Groups(Encoding.UTF8.GetString(text.ToArray())))
                {
                    if (!group.TryGetValue("action", out var action)) continue; // the per-message group
                    var thisFailed = action.Equals("failed", StringComparison.OrdinalIgnoreCase);
                    if (failed == true && !thisFailed) continue;
                    failed = thisFailed;
                    status = group.GetValueOrDefault("status");
                    diagnostic = group.GetValueOrDefault("diagnostic-code");
                }
            }
            else if (part is MessagePart { Message: { } quoted } && !string.IsNullOrEmpty(quoted.MessageId)) ids.Add(quoted.MessageId);
            else if (part is TextPart tp) ids.AddRange(MessageIdLine().Matches(tp.Text ?? "").Select(m => m.Groups[1].Value));
        }
        ids = ids.Distinct(StringComparer.Ordinal).ToList();
        if (failed is null) // not RFC 3464: a bounce only when it says so
        {
            if (!FailureSubject().IsMatch(mail.Subject ?? "") || ids.Count == 0) return null;
            return new BounceReport(ids, true, mail.Subject!.Trim());
        }
        var reason = string.Join(" ", new[] { status, diagnostic?.Replace("smtp;", "", StringComparison.OrdinalIgnoreCase).Trim() }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return new BounceReport(ids, failed.Value, reason.Length > 0 ? reason : mail.Subject?.Trim() ?? "");
    }

    /// <summary>Marks the portal's message the report is about (any commune's: its id is unique); whether it was the portal's.</summary>
    private async Task<(bool Found, int Marked)> RecordAsync(BounceReport report, CancellationToken ct)
    {
        List<(int Commune, long Id)> ours;
        using (CommuneScope.Enter(CommuneScope.None))
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            ours = (await db.OutboxMessages.IgnoreQueryFilters()
                    .Where(m => m.Channel == MessageChannel.Email && m.ProviderMessageId != null && report.MessageIds.Contains(m.ProviderMessageId))
                    .Select(m => new { m.CommuneId, m.Id }).ToListAsync(ct))
                .Select(m => (m.CommuneId, m.Id)).ToList();
        var marked = 0;
        if (!report.Failed) return (ours.Count > 0, 0); // delayed or delivered: nothing to record
        foreach (var (commune, id) in ours)
        {
            using (CommuneScope.Enter(commune))
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var m = await db.OutboxMessages.SingleAsync(x => x.Id == id, ct);
                if (m.State != MessageState.Sent) continue; // read before, or sent again since
                m.MoveTo(MessageState.Bounced);
                m.LastError = OutboxDelivery.Cut(CoreText.Format(CoreText.Vietnamese, "Messages.Bounced", report.Reason), 1000);
                await db.SaveChangesAsync(ct);
                marked++;
            }
        }
        return (ours.Count > 0, marked);
    }

    /// <summary>The field groups of a delivery-status body (header syntax, groups apart by blank lines, folded lines joined), names in lower case.</summary>
    private static IEnumerable<Dictionary<string, string>> Groups(string body)
    {
        var group = new Dictionary<string, string>();
        string? last = null;
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.Trim().Length == 0)
            {
                if (group.Count > 0) yield return group;
                group = new Dictionary<string, string>();
                last = null;
            }
            else if (char.IsWhiteSpace(raw[0]) && last is not null) group[last] += " " + raw.Trim();
            else if (raw.IndexOf(':') is > 0 and var colon)
            {
                last = raw[..colon].Trim().ToLowerInvariant();
                group[last] = raw[(colon + 1)..].Trim();
            }
        }
        if (group.Count > 0) yield return group;
    }

    [GeneratedRegex(@"^Message-ID:\s*<([^>\s]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdLine();

    /// <summary>The subjects mail servers give a bounce that is not a standard report.</summary>
    [GeneratedRegex(@"undeliver|delivery status notification \(failure\)|delivery failure|failure notice|returned mail|mail delivery failed|could not be delivered|không gửi được|không thể gửi", RegexOptions.IgnoreCase)]
    private static partial Regex FailureSubject();
}
