using FluentValidation;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.PersonalData;

public sealed class DataRequestInputValidator : AbstractValidator<DataRequestInput>
{
    public DataRequestInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => CoreText.Get("DataRequests.KindInvalid"));
        RuleFor(x => x.RequesterName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("DataRequests.NameEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Hall.SpeakerNameLength"));
        // A name alone could be anyone's: the person is found by name with a phone number, or by ID number.
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Phone) || !string.IsNullOrWhiteSpace(x.IdCardNumber))
            .WithName(nameof(DataRequestInput.Phone)).OverridePropertyName(nameof(DataRequestInput.Phone))
            .WithMessage(_ => CoreText.Get("DataRequests.PhoneOrId"));
        RuleFor(x => x.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.IsValid(p))
            .WithMessage(_ => CoreText.Get("Petitions.PhoneInvalid"));
        RuleFor(x => x.IdCardNumber).Must(n => string.IsNullOrWhiteSpace(n) || PetitionInputValidator.IsIdCard(n))
            .WithMessage(_ => CoreText.Get("Petitions.IdCardInvalid"));
        RuleFor(x => x.Details).MaximumLength(2000).WithMessage(_ => CoreText.Get("DataRequests.DetailsLength"));
        RuleFor(x => x.ReceivedOn).Must(d => d <= VietnamTime.Today(clock) && d.Year >= 2000)
            .WithMessage(_ => CoreText.Get("Petitions.ReceivedInFuture"));
    }
}
