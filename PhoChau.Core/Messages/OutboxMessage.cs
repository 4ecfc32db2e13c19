using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>
/// Waiting (to be sent, or sent again after a failure), Sent, Failed (given up, with the gateway's reason), Cancelled
/// (not to be sent), Bounced (an e-mail the receiving side reported later it could not deliver, with its reason).
/// </summary>
public enum MessageState { Waiting, Sent, Failed, Cancelled, Bounced }

/// <summary>What a message is about (and, for Zalo, which approved template it uses).</summary>
public enum MessageKind
{
    PetitionReceived, ReplySent, ResultsPublished,
    AnswerDueSoon, AnswerOverdue, ReplyDueSoon, ReplyOverdue, DailyDigest, Test,
}

/// <summary>
/// One message in the outbox: written in the same transaction as the change that causes it, then delivered by the
/// worker (<see cref="OutboxDelivery"/>) with retries and back-off. <see cref="IdempotencyKey"/> is unique per
/// commune: the same event queued twice is one message, and the gateway is given it so that it can refuse a repeat.
/// </summary>
public class OutboxMessage : ICommuneOwned
{
    public int CommuneId { get; set; }
    public long Id { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public MessageChannel Channel { get; set; }
    public MessageKind Kind { get; set; }
    /// <summary>An e-mail address, or a phone number in 0… form.</summary>
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Zalo: the template's parameters (JSON object); null for the other channels.</summary>
    public string? TemplateData { get; set; }
    /// <summary>The petition it tells a citizen about: its consent is checked again just before sending.</summary>
    public int? PetitionId { get; set; }
    public MessageState State { get; private set; }

    /// <summary>The one way the state changes: checked against <see cref="MessageStateMachine"/>'s table.</summary>
    public void MoveTo(MessageState to)
    {
        if (!MessageStateMachine.CanMove(State, to)) throw new DomainException(CoreText.Get(State == MessageState.Sent ? "Messages.AlreadySent" : "Messages.NotWaiting"));
        State = to;
    }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    /// <summary>A worker's claim: no other node takes it until then (a crashed worker's claim runs out).</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
    public string? ClaimedBy { get; set; }
    public string? LastError { get; set; }
    public string? ProviderMessageId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.Property(m => m.IdempotencyKey).HasMaxLength(200).IsRequired();
        e.Property(m => m.Recipient).HasMaxLength(320).IsRequired();
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.ClaimedBy).HasMaxLength(100);
        e.Property(m => m.ProviderMessageId).HasMaxLength(200);
        e.HasIndex(m => new { m.CommuneId, m.IdempotencyKey }).IsUnique();
        e.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        e.HasIndex(m => m.PetitionId);
    }
}
