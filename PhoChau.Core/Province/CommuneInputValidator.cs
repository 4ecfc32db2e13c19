using FluentValidation;
using System.Text.RegularExpressions;

namespace PhoChau.Core.Province;

public sealed partial class CommuneInputValidator : AbstractValidator<CommuneInput>
{
    public CommuneInputValidator()
    {
        RuleFor(x => x.Code).Must(c => CodePattern().IsMatch(c ?? "")).WithMessage(_ => CoreText.Get("Province.CodeInvalid"));
        RuleFor(x => x.CommuneName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 150).WithMessage(_ => CoreText.Get("Province.NameInvalid"));
        RuleFor(x => x.CommitteeName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 200).WithMessage(_ => CoreText.Get("Commune.CommitteeEmpty"));
        RuleFor(x => x.PlaceName).MaximumLength(100).WithMessage(_ => CoreText.Get("Province.NameInvalid"));
        RuleFor(x => x.SuperiorBody).MaximumLength(200).WithMessage(_ => CoreText.Get("Province.NameInvalid"));
        RuleFor(x => x.ChairmanName).MaximumLength(100).WithMessage(_ => CoreText.Get("Province.NameInvalid"));
        RuleFor(x => x.AdminUserName).Must(n => UserPattern().IsMatch(n ?? "")).WithMessage(_ => CoreText.Get("Users.UserNameChars"));
        RuleFor(x => x.AdminFullName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage(_ => CoreText.Get("Users.FullNameEmpty"));
    }

    /// <summary>A short code of capitals, digits and dashes (PHOCHAU, PC-01).</summary>
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9._-]{3,50}$")]
    private static partial Regex UserPattern();
}
