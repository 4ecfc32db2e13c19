using FluentValidation;

namespace PhoChau.Core.Speakers;

public sealed class SpeakerInputValidator : AbstractValidator<SpeakerInput>
{
    public SpeakerInputValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Họ tên người phát biểu không được để trống.")
            .MaximumLength(150).WithMessage("Họ tên không được dài quá 150 ký tự.");
        RuleFor(x => x.VillageOrOrganisation).MaximumLength(150).WithMessage("Thôn/tổ chức không được dài quá 150 ký tự.");
        RuleFor(x => x.Topic).MaximumLength(500).WithMessage("Nội dung đăng ký không được dài quá 500 ký tự.");
        RuleFor(x => x.NewPetitionText).MaximumLength(Petitions.PetitionInputValidator.MaxTextLength)
            .WithMessage("Nội dung kiến nghị quá dài.");
    }
}
