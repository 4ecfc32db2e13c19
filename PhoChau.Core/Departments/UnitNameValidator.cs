using FluentValidation;

namespace PhoChau.Core.Departments;

public sealed class UnitNameValidator : AbstractValidator<UnitName>
{
    public UnitNameValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Tên không được để trống.")
            .Must(n => n!.Trim().Length <= UnitName.MaxLength).WithMessage($"Tên không được dài quá {UnitName.MaxLength} ký tự.");
    }
}
