using FluentValidation;

namespace PhoChau.Core.Choices;

/// <summary>
/// The channels a citizen chose to be told by, and the addresses they use (at intake, on the phone form): the person's
/// own choice, kept with their data (Messages only reads it when it sends).
/// </summary>
public interface IMessageChoice
{
    string? Phone { get; }
    string? Email { get; }
    bool NotifyBySms { get; }
    bool NotifyByZalo { get; }
    bool NotifyByEmail { get; }
}

public static class MessageChoices
{
    public static bool WantsMessages(this IMessageChoice c) => c.NotifyBySms || c.NotifyByZalo || c.NotifyByEmail;

    /// <summary>The chosen channels by their names in the UI ("SMS, Zalo, Thư điện tử"); empty when none.</summary>
    public static string ChannelNames(this IMessageChoice c) => string.Join(", ",
        new[] { (c.NotifyBySms, MessageChannel.Sms), (c.NotifyByZalo, MessageChannel.Zalo), (c.NotifyByEmail, MessageChannel.Email) }
            .Where(x => x.Item1).Select(x => CoreText.Get("Messages.Channel." + x.Item2)));

    /// <summary>
    /// A chosen channel needs its address, and an e-mail address must be one. The two refusals are named by the
    /// caller, worded for whoever reads them (the clerk at intake, the citizen on the phone form). One rule, not three:
    /// an import checks 5,000 rows twice, and each rule costs its own allocations per row.
    /// </summary>
    public static void AddMessageChoiceRules<T>(this AbstractValidator<T> validator, string needsPhoneKey, string needsEmailKey) where T : IMessageChoice =>
        validator.RuleFor(x => x).Custom((x, context) =>
        {
            var hasEmail = !string.IsNullOrWhiteSpace(x.Email);
            if (hasEmail && !EmailAddress.IsValid(x.Email)) context.AddFailure(nameof(IMessageChoice.Email), CoreText.Get("Messages.EmailInvalid"));
            if ((x.NotifyBySms || x.NotifyByZalo) && string.IsNullOrWhiteSpace(x.Phone)) context.AddFailure(nameof(IMessageChoice.Phone), CoreText.Get(needsPhoneKey));
            if (x.NotifyByEmail && !hasEmail) context.AddFailure(nameof(IMessageChoice.Email), CoreText.Get(needsEmailKey));
        });
}

/// <summary>How a message reaches its reader.</summary>
public enum MessageChannel { Email, Sms, Zalo }
