using System.Text.RegularExpressions;
using FluentValidation;

namespace PhoChau.Core.Petitions;

public sealed partial class PetitionInputValidator : AbstractValidator<PetitionInput>
{
    /// <summary>Fits one Excel cell (32,767 characters), so every petition can be exported whole.</summary>
    public const int MaxTextLength = 32_000;

    public PetitionInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.DialogueId).GreaterThan(0).WithMessage("Chưa chọn buổi đối thoại.");
        RuleFor(x => x.PetitionerName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Họ tên người kiến nghị (hoặc tên tổ chức) không được để trống.")
            .MaximumLength(150).WithMessage("Họ tên không được dài quá 150 ký tự.");
        RuleFor(x => x.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhonePattern().IsMatch(NormalizePhone(p)))
            .WithMessage("Số điện thoại không đúng định dạng (10 hoặc 11 chữ số, bắt đầu bằng 0, ví dụ 0905123456).");
        RuleFor(x => x.IdCardNumber).Must(n => string.IsNullOrWhiteSpace(n) || IdPattern().IsMatch(n.Trim()))
            .WithMessage("Số CCCD/CMND phải gồm 9 hoặc 12 chữ số.");
        RuleFor(x => x.Address).MaximumLength(300).WithMessage("Địa chỉ không được dài quá 300 ký tự.");
        RuleFor(x => x.Channel).IsInEnum().WithMessage("Hình thức tiếp nhận không hợp lệ.");
        RuleFor(x => x.Field).IsInEnum().WithMessage("Lĩnh vực không hợp lệ.");
        RuleFor(x => x.ReceivedOn).Must(d => d <= Common.VietnamTime.Today(clock))
            .WithMessage("Ngày tiếp nhận không được sau ngày hôm nay.");
        RuleFor(x => x.ReceivedOn).Must(d => d.Year >= 2000).WithMessage("Ngày tiếp nhận không hợp lệ.");
        RuleFor(x => x.ProcedureName).Must(p => !string.IsNullOrWhiteSpace(p)).When(x => x.Field == PetitionField.AdministrativeProcedure)
            .WithMessage("Kiến nghị về thủ tục hành chính cần ghi tên thủ tục.");
        RuleFor(x => x.ProcedureName).MaximumLength(300).WithMessage("Tên thủ tục không được dài quá 300 ký tự.");
        RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Nội dung kiến nghị không được để trống.")
            .MaximumLength(MaxTextLength).WithMessage($"Nội dung kiến nghị không được dài quá {MaxTextLength:N0} ký tự.");
    }

    /// <summary>Spaces, dots and dashes are how people write numbers: "0905 123 456" and "+84 905…" are fine.</summary>
    public static string NormalizePhone(string phone)
    {
        var s = new string(phone.Where(c => !" .-()".Contains(c)).ToArray());
        return s.StartsWith("+84", StringComparison.Ordinal) ? "0" + s[3..] : s;
    }

    [GeneratedRegex(@"^0\d{9,10}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(\d{9}|\d{12})$")]
    private static partial Regex IdPattern();
}
