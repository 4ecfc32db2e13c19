using System.Text.RegularExpressions;
using FluentValidation;
using PhoChau.Core.Messages;

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
        RuleFor(x => x.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhonePattern().IsMatch(NormalizePhone(p)))
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

    /// <summary>Spaces, dots and dashes are how people write numbers: "0905 123 456" and "+84 905…" are fine.</summary>
    public static string NormalizePhone(string phone)
    {
        var s = new string(phone.Where(c => !" .-()".Contains(c)).ToArray());
        return s.StartsWith("+84", StringComparison.Ordinal) ? "0" + s[3..] : s;
    }

    /// <summary>A Vietnamese phone number, written as people write it.</summary>
    /// <summary>A stored (0…) number in the international form gateways take: 0905… → 84905….</summary>
    public static string Phone84(string phone) => phone.StartsWith('0') ? "84" + phone[1..] : phone;

    public static bool IsPhone(string phone) => PhonePattern().IsMatch(NormalizePhone(phone));

    public static bool IsIdCard(string number) => IdPattern().IsMatch(number.Trim());

    [GeneratedRegex(@"^0\d{9,10}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(\d{9}|\d{12})$")]
    private static partial Regex IdPattern();
}
