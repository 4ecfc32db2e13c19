using FluentValidation;

namespace PhoChau.Core.Commune;

public sealed class CommuneProfileValidator : AbstractValidator<CommuneProfile>
{
    public CommuneProfileValidator()
    {
        RuleFor(x => x.CommuneName).NotEmpty().WithMessage("Tên xã không được để trống.")
            .MaximumLength(100).WithMessage("Tên xã không được dài quá 100 ký tự.");
        RuleFor(x => x.CommitteeName).NotEmpty().WithMessage("Tên Ủy ban nhân dân không được để trống.")
            .MaximumLength(150).WithMessage("Tên Ủy ban nhân dân không được dài quá 150 ký tự.");
        RuleFor(x => x.PlaceName).NotEmpty().WithMessage("Địa danh không được để trống.")
            .MaximumLength(100).WithMessage("Địa danh không được dài quá 100 ký tự.");
        RuleFor(x => x.SuperiorBody).MaximumLength(150).WithMessage("Tên cơ quan cấp trên không được dài quá 150 ký tự.");
        RuleFor(x => x.ChairmanName).NotEmpty().WithMessage("Họ tên Chủ tịch không được để trống.")
            .MaximumLength(100).WithMessage("Họ tên Chủ tịch không được dài quá 100 ký tự.");
        RuleFor(x => x.ViceChairmenNames).MaximumLength(500).WithMessage("Danh sách Phó Chủ tịch quá dài.");
        RuleFor(x => x.HallName).NotEmpty().WithMessage("Địa điểm mặc định không được để trống.")
            .MaximumLength(150).WithMessage("Địa điểm mặc định không được dài quá 150 ký tự.");
    }
}
