using FluentValidation;

namespace PhoChau.Core.Messages;

/// <summary>The channels a citizen chose to be told by, and the addresses they use (at intake, on the phone form).</summary>
public interface IMessageChoice
{
    string? Phone { get; }
    string? Email { get; }
    bool NotifyBySms { get; }
    bool NotifyByZalo { get; }
    bool NotifyByEmail { get; }
}

/// <summary>
/// A chosen channel needs its address, and an e-mail address must be one. The two refusals are named by the caller,
/// worded for whoever reads them (the clerk at intake, the citizen on the phone form).
/// </summary>
public sealed class MessageChoiceValidator : AbstractValidator<IMessageChoice>
{
    public MessageChoiceValidator(string needsPhoneKey, string needsEmailKey)
    {
        RuleFor(x => x.Email).Must(e => string.IsNullOrWhiteSpace(e) || EmailAddress.IsValid(e))
            .WithMessage(_ => CoreText.Get("Messages.EmailInvalid"));
        RuleFor(x => x.Phone).Must(p => !string.IsNullOrWhiteSpace(p)).When(x => x.NotifyBySms || x.NotifyByZalo)
            .WithMessage(_ => CoreText.Get(needsPhoneKey));
        RuleFor(x => x.Email).Must(e => !string.IsNullOrWhiteSpace(e)).When(x => x.NotifyByEmail)
            .WithMessage(_ => CoreText.Get(needsEmailKey));
    }
}
