using PhoChau.Core.Petitions;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>Putting messages in the outbox, inside the caller's unit of work: they are saved with the change that causes them, or not at all.</summary>
public static class Outbox
{
    /// <summary>Queues <paramref name="message"/> unless a message with its idempotency key is already queued (then false).</summary>
    public static async Task<bool> EnqueueAsync(PhoChauDbContext db, OutboxMessage message, DateTime nowUtc, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.IdempotencyKey == message.IdempotencyKey)) return false;
        if (await db.OutboxMessages.AnyAsync(x => x.IdempotencyKey == message.IdempotencyKey, ct)) return false;
        message.CreatedAtUtc = nowUtc;
        message.NextAttemptAtUtc = nowUtc;
        db.OutboxMessages.Add(message);
        return true;
    }

    /// <summary>
    /// A message to a petitioner on every channel they agreed to that is configured here; none when they agreed to
    /// none (or their data was anonymised). <paramref name="key"/> names the event; the channel is added to it.
    /// </summary>
    public static async Task<int> TellPetitionerAsync(PhoChauDbContext db, Petition p, MessageKind kind, string key, CitizenMessage text,
        IReadOnlySet<MessageChannel> configured, DateTime nowUtc, CancellationToken ct)
    {
        var queued = 0;
        foreach (var (channel, recipient) in Recipients(p))
        {
            if (!configured.Contains(channel)) continue;
            if (await EnqueueAsync(db, new OutboxMessage
                {
                    IdempotencyKey = $"{key}:{channel}", Channel = channel, Kind = kind, Recipient = recipient, PetitionId = p.Id,
                    Subject = text.Subject, Body = text.Body, TemplateData = text.TemplateData,
                }, nowUtc, ct)) queued++;
        }
        return queued;
    }

    /// <summary>The petitioner's agreed channels with the address each uses.</summary>
    public static IEnumerable<(MessageChannel Channel, string Recipient)> Recipients(Petition p)
    {
        if (p.AnonymisedAtUtc is not null) yield break;
        if (p.NotifyBySms && !string.IsNullOrWhiteSpace(p.Phone)) yield return (MessageChannel.Sms, PhoneNumber.Normalize(p.Phone));
        if (p.NotifyByZalo && !string.IsNullOrWhiteSpace(p.Phone)) yield return (MessageChannel.Zalo, PhoneNumber.Normalize(p.Phone));
        if (p.NotifyByEmail && !string.IsNullOrWhiteSpace(p.Email)) yield return (MessageChannel.Email, p.Email.Trim());
    }

    /// <summary>Whether the petitioner still agrees to <paramref name="channel"/> at <paramref name="recipient"/> (checked again just before sending).</summary>
    public static bool StillAgrees(Petition p, MessageChannel channel, string recipient) =>
        Recipients(p).Any(r => r.Channel == channel && string.Equals(r.Recipient, recipient, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a citizen is told: a subject (e-mail), a text (SMS, e-mail) and the Zalo template's parameters.</summary>
public sealed record CitizenMessage(string Subject, string Body, string? TemplateData);
