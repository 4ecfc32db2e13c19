using FluentValidation;

namespace PhoChau.Core.Security;

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator()
    {
        RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => CoreText.Get("Users.UserNameEmpty"))
            .Length(3, 50).WithMessage(_ => CoreText.Get("Users.UserNameLength"))
            .Matches("^[a-z0-9._-]+$").WithMessage(_ => CoreText.Get("Users.UserNameChars"));
        RuleFor(x => x.FullName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Users.FullNameEmpty"))
            .MaximumLength(100).WithMessage(_ => CoreText.Get("Users.FullNameLength"));
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage(_ => CoreText.Get("Users.RoleInvalid"));
        RuleFor(x => x.Email).Must(e => string.IsNullOrWhiteSpace(e) || EmailAddress.IsValid(e))
            .WithMessage(_ => CoreText.Get("Messages.EmailInvalid"));
        RuleFor(x => x.DepartmentId).NotNull().When(x => x.Role == Roles.DepartmentOfficer)
            .WithMessage(_ => CoreText.Get("Users.OfficerNeedsDepartment"));
    }
}
