using FluentValidation;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Speakers;

public sealed class SpeakerInputValidator : AbstractValidator<SpeakerInput>
{
    public SpeakerInputValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Hall.SpeakerNameEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Hall.SpeakerNameLength"));
        RuleFor(x => x.VillageOrOrganisation).MaximumLength(150).WithMessage(_ => CoreText.Get("Hall.FromLength"));
        RuleFor(x => x.Topic).MaximumLength(500).WithMessage(_ => CoreText.Get("Hall.TopicLength"));
        RuleFor(x => x.NewPetitionText).MaximumLength(PetitionInputValidator.MaxTextLength)
            .WithMessage(_ => CoreText.Get("Hall.PetitionTextTooLong"));
    }
}
