using FluentValidation;

namespace PhoChau.Core.Dialogues;

public sealed class DialogueInputValidator : AbstractValidator<DialogueInput>
{
    public DialogueInputValidator()
    {
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Tên buổi đối thoại không được để trống.")
            .MaximumLength(300).WithMessage("Tên buổi đối thoại không được dài quá 300 ký tự.");
        RuleFor(x => x.PlanNumber).MaximumLength(50).WithMessage("Số kế hoạch không được dài quá 50 ký tự.");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm phải từ 2000 đến 2100.");
        RuleFor(x => x.Quarter).InclusiveBetween(1, 4).When(x => x.Quarter is not null).WithMessage("Quý phải từ 1 đến 4.");
        RuleFor(x => x.SessionDate).Must((x, d) => d is null || d.Value.Year == x.Year)
            .WithMessage("Ngày đối thoại phải thuộc năm của kế hoạch.");
        RuleFor(x => x.SessionDate).Must(d => d is null || d.Value.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .WithMessage("Ngày đối thoại rơi vào thứ Bảy hoặc Chủ nhật; hãy chọn một ngày làm việc.");
        RuleFor(x => x.Venue).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Địa điểm không được để trống.")
            .MaximumLength(200).WithMessage("Địa điểm không được dài quá 200 ký tự.");
        RuleFor(x => x.ChairName).MaximumLength(100).WithMessage("Họ tên người chủ trì không được dài quá 100 ký tự.");
        RuleFor(x => x.DelegationReference).Must(r => !string.IsNullOrWhiteSpace(r)).When(x => x.ChairIsDelegated)
            .WithMessage("Phó Chủ tịch chủ trì theo ủy quyền: cần ghi số, ngày văn bản ủy quyền.");
        RuleFor(x => x.DelegationReference).MaximumLength(150).WithMessage("Văn bản ủy quyền không được dài quá 150 ký tự.");
        RuleFor(x => x.SecretaryName).MaximumLength(100).WithMessage("Họ tên thư ký không được dài quá 100 ký tự.");
        RuleFor(x => x.SpeakingTimeSeconds).InclusiveBetween(30, 1800).WithMessage("Thời gian mỗi lượt phát biểu phải từ 30 giây đến 30 phút.");
        RuleFor(x => x.Agenda).MaximumLength(4000).WithMessage("Chương trình không được dài quá 4.000 ký tự.");
    }
}
