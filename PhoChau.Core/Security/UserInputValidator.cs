using FluentValidation;

namespace PhoChau.Core.Security;

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator()
    {
        RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Tên đăng nhập không được để trống.")
            .Length(3, 50).WithMessage("Tên đăng nhập phải dài từ 3 đến 50 ký tự.")
            .Matches("^[a-z0-9._-]+$").WithMessage("Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.");
        RuleFor(x => x.FullName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Họ tên không được để trống.")
            .MaximumLength(100).WithMessage("Họ tên không được dài quá 100 ký tự.");
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage("Vai trò không hợp lệ.");
        RuleFor(x => x.DepartmentId).NotNull().When(x => x.Role == Roles.DepartmentOfficer)
            .WithMessage("Công chức chuyên môn phải thuộc một bộ phận.");
    }
}
