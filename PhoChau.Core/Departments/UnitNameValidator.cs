using FluentValidation;

namespace PhoChau.Core.Departments;

public sealed class UnitNameValidator : AbstractValidator<UnitName>
{
    public UnitNameValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Units.NameEmpty"))
            .Must(n => n!.Trim().Length <= UnitName.MaxLength).WithMessage(_ => CoreText.Format("Units.NameLength", UnitName.MaxLength));
    }
}
