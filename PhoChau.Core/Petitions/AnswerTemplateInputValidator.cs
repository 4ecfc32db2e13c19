using FluentValidation;

namespace PhoChau.Core.Petitions;

public sealed class AnswerTemplateInputValidator : AbstractValidator<AnswerTemplateInput>
{
    public AnswerTemplateInputValidator()
    {
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => CoreText.Get("Templates.TitleEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Templates.TitleLength"));
        RuleFor(x => x.Body).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => CoreText.Get("Templates.BodyEmpty"))
            .MaximumLength(8000).WithMessage(_ => CoreText.Get("Templates.BodyLength"));
        RuleFor(x => x.Field).Must(f => f is null || Enum.IsDefined(f.Value)).WithMessage(_ => CoreText.Get("Petitions.FieldInvalid"));
    }
}
