using PhoChau.Core.Choices;
using System.Text.RegularExpressions;
using FluentValidation;

namespace PhoChau.Core.Petitions;

public sealed partial class PetitionInputValidator : AbstractValidator<PetitionInput>
{
    /// <summary>Fits one Excel cell (32,767 characters), so every petition can be exported whole.</summary>
    public const int MaxTextLength = 32_000;

    public PetitionInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.DialogueId).GreaterThan(0).WithMessage(_ => CoreText.Get("Petitions.DialogueRequired"));
        RuleFor(x => x.PetitionerName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Petitions.PetitionerEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Hall.SpeakerNameLength"));
        RuleFor(x => x.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.IsValid(p))
            .WithMessage(_ => CoreText.Get("Petitions.PhoneInvalid"));
        this.AddMessageChoiceRules("Petitions.NotifyNeedsPhone", "Petitions.NotifyNeedsEmail");
        RuleFor(x => x.IdCardNumber).Must(n => string.IsNullOrWhiteSpace(n) || IdPattern().IsMatch(n.Trim()))
            .WithMessage(_ => CoreText.Get("Petitions.IdCardInvalid"));
        RuleFor(x => x.Address).MaximumLength(300).WithMessage(_ => CoreText.Get("Petitions.AddressLength"));
        RuleFor(x => x.Channel).IsInEnum().WithMessage(_ => CoreText.Get("Petitions.ChannelInvalid"));
        RuleFor(x => x.Field).IsInEnum().WithMessage(_ => CoreText.Get("Petitions.FieldInvalid"));
        RuleFor(x => x.ReceivedOn).Must(d => d <= VietnamTime.Today(clock))
            .WithMessage(_ => CoreText.Get("Petitions.ReceivedInFuture"));
        RuleFor(x => x.ReceivedOn).Must(d => d.Year >= 2000).WithMessage(_ => CoreText.Get("Petitions.ReceivedInvalid"));
        RuleFor(x => x.ProcedureName).Must(p => !string.IsNullOrWhiteSpace(p)).When(x => x.Field == PetitionField.AdministrativeProcedure)
            .WithMessage(_ => CoreText.Get("Petitions.ProcedureRequired"));
        RuleFor(x => x.ProcedureName).MaximumLength(300).WithMessage(_ => CoreText.Get("Petitions.ProcedureLength"));
        RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => CoreText.Get("Petitions.TextEmpty"))
            .MaximumLength(MaxTextLength).WithMessage(_ => CoreText.Format("Petitions.TextLength", MaxTextLength));
        // Consent is asked when the petition is taken in; one raised aloud in the session is recorded at once (the
        // minutes need it) and its consent asked afterwards (the petition page shows it missing until then).
        RuleFor(x => x.Consent).Equal(true).When(x => x.Channel != PetitionChannel.AtSession)
            .WithMessage(_ => CoreText.Get("Consent.Required"));
    }

    public static bool IsIdCard(string number) => IdPattern().IsMatch(number.Trim());

    [GeneratedRegex(@"^(\d{9}|\d{12})$")]
    private static partial Regex IdPattern();
}
