using PhoChau.Core.Choices;
namespace PhoChau.Core.Messages;

/// <summary>One channel's way out. A sender that is not configured says why, and is never given a message.</summary>
public interface IMessageSender
{
    MessageChannel Channel { get; }

    /// <summary>Null when the channel is configured; otherwise what is missing, in the user's language.</summary>
    string? NotConfigured { get; }

    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>What a gateway answered: sent (with its id), or not, and whether trying again may help.</summary>
public sealed record SendOutcome(bool Sent, bool Permanent, string? ProviderId, string? Error)
{
    public static SendOutcome Ok(string? providerId = null) => new(true, false, providerId, null);
    public static SendOutcome Retry(string error) => new(false, false, null, error);
    public static SendOutcome Fail(string error) => new(false, true, null, error);
}
