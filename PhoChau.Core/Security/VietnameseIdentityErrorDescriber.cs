using Microsoft.AspNetCore.Identity;

namespace PhoChau.Core.Security;

/// <summary>Identity's messages in Vietnamese, since they reach the administrator's screen.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), CoreText.Get("Identity.Default"));
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), CoreText.Get("Identity.Concurrency"));
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), CoreText.Get("Identity.PasswordMismatch"));
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), CoreText.Format("Identity.InvalidUserName", userName));
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), CoreText.Format("Identity.DuplicateUserName", userName));
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), CoreText.Format("Identity.DuplicateEmail", email));
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), CoreText.Format("Identity.InvalidEmail", email));
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), CoreText.Format("Identity.PasswordTooShort", length));
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), CoreText.Get("Identity.PasswordDigit"));
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), CoreText.Get("Identity.PasswordLower"));
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), CoreText.Get("Identity.PasswordUpper"));
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), CoreText.Get("Identity.PasswordSymbol"));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), CoreText.Format("Identity.PasswordUniqueChars", uniqueChars));
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), CoreText.Format("Identity.AlreadyInRole", Roles.DisplayName(role)));
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), CoreText.Format("Identity.NotInRole", Roles.DisplayName(role)));
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), CoreText.Get("Identity.LockoutNotEnabled"));
}
