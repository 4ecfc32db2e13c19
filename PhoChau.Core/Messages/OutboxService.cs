using PhoChau.Core.Petitions;
using System.Globalization;
using PhoChau.Core.Auditing;
using PhoChau.Core.Choices;
namespace PhoChau.Core.Messages;

/// <summary>One message as the administrators' outbox page lists it.</summary>
public sealed record OutboxRow(long Id, MessageChannel Channel, MessageKind Kind, string Recipient, string Subject, MessageState State,
    int Attempts, DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LastError);

/// <summary>A channel as the page shows it: on, or off and why.</summary>
public sealed record ChannelStatus(MessageChannel Channel, string? NotConfigured);

/// <summary>The outbox for administrators: what waits, what was sent, what failed and why, and "send again".</summary>
public sealed class OutboxService(IDbContextFactory<PhoChauDbContext> dbFactory, OutboxDelivery delivery, TimeProvider clock)
{
    public IReadOnlyList<ChannelStatus> Channels() =>
        Enum.GetValues<MessageChannel>().Select(c => new ChannelStatus(c, delivery.Senders.FirstOrDefault(s => s.Channel == c) is { } sender
            ? sender.NotConfigured : CoreText.Get("Messages.NoSender"))).ToList();

    /// <summary>
    /// The messages to a petitioner that did not reach them (given up, or bounced), for whoever may see the petition's
    /// personal data (the details say so): staff learn the citizen was not told, and reach them otherwise.
    /// </summary>
    public async Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(PetitionDetails shown, CancellationToken ct = default)
    {
        if (!shown.ShowsPersonalData) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.PetitionId == shown.Petition.Id && (m.State == MessageState.Failed || m.State == MessageState.Bounced))
            .OrderBy(m => m.Id).Select(m => new UndeliveredMessage(m.Channel, m.Recipient, m.State, m.LastError)).ToListAsync(ct);
    }

    public async Task<(IReadOnlyList<OutboxRow> Rows, IReadOnlyDictionary<MessageState, int> Counts)> ListAsync(Actor actor, MessageState? state = null, int take = 200, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.OutboxMessages.GroupBy(m => m.State).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => state == null || m.State == state)
            .OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(m => new OutboxRow(m.Id, m.Channel, m.Kind, m.Recipient, m.Subject, m.State, m.Attempts, m.CreatedAtUtc, m.SentAtUtc, m.NextAttemptAtUtc, m.LastError))
            .ToListAsync(ct);
        return (rows, counts);
    }

    /// <summary>A failed, cancelled or bounced message is tried again from now, with its attempts counted afresh.</summary>
    public async Task RetryAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.OutboxMessages.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("Messages.NotFound"));
        var (state, attempts) = (m.State, m.Attempts);
        m.MoveTo(MessageState.Waiting); // a sent one is refused: it is not sent twice
        m.Attempts = 0;
        m.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        OutboxDelivery.Release(m);
        // Who sent it again is in the trail (issue 34.1); the message's text and address are not copied there.
        db.AuditEntries.Add(AuditEntry.By(actor, m.NextAttemptAtUtc, nameof(OutboxMessage), m.Id, AuditAction.Updated,
            new AuditChange(nameof(OutboxMessage.State), state.ToString(), m.State.ToString()),
            new AuditChange(nameof(OutboxMessage.Attempts), attempts.ToString(CultureInfo.InvariantCulture), "0")));
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>A test message to an address the administrator gives, to see a channel work end to end.</summary>
    public async Task<long> SendTestAsync(Actor actor, MessageChannel channel, string recipient, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        if (!delivery.Configured.Contains(channel)) throw new DomainException(CoreText.Format("Messages.ChannelOff", CoreText.Get("Messages.Channel." + channel)));
        recipient = (recipient ?? "").Trim();
        var valid = channel == MessageChannel.Email
            ? EmailAddress.IsValid(recipient)
            : PhoneNumber.IsValid(recipient);
        if (!valid) throw new DomainException(CoreText.Get(channel == MessageChannel.Email ? "Messages.EmailInvalid" : "Petitions.PhoneInvalid"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var m = new OutboxMessage
        {
            IdempotencyKey = $"test:{Guid.NewGuid():N}", Channel = channel, Kind = MessageKind.Test,
            Recipient = channel == MessageChannel.Email ? recipient : PhoneNumber.Normalize(recipient),
            Subject = CoreText.Format(CoreText.Vietnamese, "Messages.TestSubject"), Body = CoreText.Format(CoreText.Vietnamese, "Messages.TestBody"),
            TemplateData = "{}",
        };
        await Outbox.EnqueueAsync(db, m, now, ct);
        await db.SaveChangesAsync(ct);
        return m.Id;
    }
}

/// <summary>A message to a petitioner that did not reach them: on which channel and address, and why.</summary>
public sealed record UndeliveredMessage(MessageChannel Channel, string Recipient, MessageState State, string? Reason);
