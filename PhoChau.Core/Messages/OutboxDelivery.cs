using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>
/// Delivers the outbox: claims the messages that are due (one statement, so two nodes never claim the same one; on
/// PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>), sends each through its channel, and records the outcome: sent, or
/// tried again after 30 s, 1, 2, 4 … minutes (at most an hour), or failed after <see cref="MessagesOptions.MaxAttempts"/>
/// or at once when the gateway says trying again cannot help. A claim lasts <see cref="MessagesOptions.ClaimSeconds"/>: a node that dies
/// while sending leaves its messages to be claimed again then. Nothing is sent in the quiet hours, and a citizen's
/// message is not sent when they withdrew their consent after it was queued.
/// </summary>
public sealed class OutboxDelivery(
    IDbContextFactory<PhoChauDbContext> dbFactory, IEnumerable<IMessageSender> senders, IOptionsMonitor<MessagesOptions> options,
    TimeProvider clock, ILogger<OutboxDelivery> log)
{
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}";

    public IReadOnlyList<IMessageSender> Senders { get; } = senders.ToList();

    // The claim: the due messages, oldest first, given to this batch for its lease. SQLite has one writer, so the
    // statement alone is atomic; on PostgreSQL each node skips the rows another is claiming.
    private const string Claim = """
        UPDATE "OutboxMessages" SET "ClaimedBy" = {0}, "ClaimedUntilUtc" = {1}
        WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
                       WHERE "State" = 'Waiting' AND "NextAttemptAtUtc" <= {2} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {2})
                       ORDER BY "NextAttemptAtUtc", "Id" LIMIT {3}
        """;
    private const string ClaimOnSqlite = Claim + ")";
    private const string ClaimOnPostgres = Claim + " FOR UPDATE SKIP LOCKED)";

    /// <summary>The channels that are configured here (the others are off).</summary>
    public IReadOnlySet<MessageChannel> Configured => Senders.Where(s => s.NotConfigured is null).Select(s => s.Channel).ToHashSet();

    /// <summary>Claims up to <paramref name="batch"/> due messages and sends them, <paramref name="parallel"/> at a time; how many were claimed.</summary>
    public async Task<int> DeliverDueAsync(int batch = 50, int parallel = 4, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (options.CurrentValue.IsQuiet(TimeOnly.FromDateTime(now.Add(VietnamTime.Offset)))) return 0;
        var claim = $"{_node}:{Guid.NewGuid():N}";
        List<Claimed> claimed;
        using (CommuneScope.Enter(CommuneScope.None)) // every commune's messages: the claim is plain SQL, read by id below
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // A read first: an idle portal looks every two seconds, and only a due message is worth a write lock.
            if (!await db.OutboxMessages.IgnoreQueryFilters().AnyAsync(m => m.State == MessageState.Waiting && m.NextAttemptAtUtc <= now
                    && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now), ct)) return 0;
            var until = now.AddSeconds(Math.Max(5, options.CurrentValue.ClaimSeconds));
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? ClaimOnSqlite : ClaimOnPostgres, [claim, until, now, batch], ct);
            claimed = await db.Database.SqlQuery<Claimed>($"""SELECT "Id", "CommuneId" FROM "OutboxMessages" WHERE "ClaimedBy" = {claim}""").ToListAsync(ct);
        }
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = ct },
            async (c, token) => await SendOneAsync(c, claim, token));
        return claimed.Count;
    }

    private async Task SendOneAsync(Claimed c, string claim, CancellationToken ct)
    {
        using var scope = CommuneScope.Enter(c.CommuneId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.OutboxMessages.SingleOrDefaultAsync(x => x.Id == c.Id, ct);
        if (m is null || m.ClaimedBy != claim || m.State != MessageState.Waiting) return;
        var o = options.CurrentValue;
        SendOutcome outcome;
        if (m.PetitionId is { } pid && await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) is { } petition
            && !Outbox.StillAgrees(petition, m.Channel, m.Recipient))
        {
            m.MoveTo(MessageState.Cancelled);
            m.LastError = CoreText.Get("Messages.ConsentWithdrawn");
            Release(m);
            await db.SaveChangesAsync(ct);
            return;
        }
        var sender = Senders.FirstOrDefault(s => s.Channel == m.Channel && s.NotConfigured is null);
        if (sender is null) outcome = SendOutcome.Fail(CoreText.Format("Messages.ChannelOff", CoreText.Get("Messages.Channel." + m.Channel)));
        else
        {
            try
            {
                outcome = await sender.SendAsync(m, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                outcome = SendOutcome.Retry(ex.Message);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        m.Attempts++;
        if (outcome.Sent)
        {
            m.MoveTo(MessageState.Sent);
            m.SentAtUtc = now;
            m.ProviderMessageId = Cut(outcome.ProviderId, 200);
            m.LastError = null;
        }
        else
        {
            m.LastError = Cut(outcome.Error, 1000);
            if (outcome.Permanent || m.Attempts >= Math.Max(1, o.MaxAttempts)) m.MoveTo(MessageState.Failed);
            else m.NextAttemptAtUtc = now.Add(Backoff(m.Attempts));
            // The log outlives any erasure: it never holds the citizen's address, even quoted in the gateway's answer.
            log.LogWarning("Message {Id} ({Channel}) not sent, attempt {Attempt}: {Error}", m.Id, m.Channel, m.Attempts, Masked(outcome.Error, m.Recipient));
        }
        Release(m);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>30 s after the first failure, then doubling, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Lets go of a message's claim (sent, given up, or sent again by hand).</summary>
    internal static void Release(OutboxMessage m)
    {
        m.ClaimedBy = null;
        m.ClaimedUntilUtc = null;
    }

    /// <summary>A gateway's text cut to the column's length.</summary>
    internal static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    private sealed class Claimed
    {
        public long Id { get; set; }
        public int CommuneId { get; set; }
    }

    /// <summary>A gateway's error without the recipient's address, nor any e-mail address or phone number it quotes.</summary>
    public static string Masked(string? error, string recipient)
    {
        if (string.IsNullOrEmpty(error)) return error ?? "";
        if (recipient.Length > 0) error = error.Replace(recipient, "[…]", StringComparison.OrdinalIgnoreCase);
        error = Regex.Replace(error, @"[^\s<>""'@]+@[^\s<>""'@]+\.[A-Za-z]{2,}", "[…]");
        // A run of 9 digits or more (with spaces, dots or dashes) is a phone or an ID; "550 5.1.1" is a status, kept.
        return Regex.Replace(error, @"\+?\d[\d .\-]{7,}\d",
            m => m.Value.Count(char.IsAsciiDigit) >= 9 ? "[…]" : m.Value);
    }
}
