using PhoChau.Core.Choices;
using FluentValidation;

namespace PhoChau.Core.Speakers;

public sealed class SpeakerRequestInputValidator : AbstractValidator<SpeakerRequestInput>
{
    public SpeakerRequestInputValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Hall.SpeakerNameEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Hall.SpeakerNameLength"));
        RuleFor(x => x.VillageOrOrganisation).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Requests.FromEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Hall.FromLength"));
        RuleFor(x => x.Topic).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Requests.TopicEmpty"))
            .MaximumLength(500).WithMessage(_ => CoreText.Get("Hall.TopicLength"));
        RuleFor(x => x.Phone).Must(p => string.IsNullOrWhiteSpace(p) || (p.Length <= 20 && PhoneNumber.IsValid(p)))
            .WithMessage(_ => CoreText.Get("Petitions.PhoneInvalid"));
        this.AddMessageChoiceRules("Requests.NotifyNeedsPhone", "Requests.NotifyNeedsEmail");
        RuleFor(x => x.Phone).Must(p => !string.IsNullOrWhiteSpace(p)).When(x => x.FollowsOnline)
            .WithMessage(_ => CoreText.Get("Requests.OnlineNeedsPhone"));
        RuleFor(x => x.Consent).Equal(true).WithMessage(_ => CoreText.Get("Consent.Required"));
    }
}
