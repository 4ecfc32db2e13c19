using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace PhoChau.Core.Security;

/// <summary>
/// Checks a sign-in so that a stranger learns nothing and cannot lock anybody out of the hall:
/// <list type="bullet">
/// <item>the password is hashed the same way for a name that does not exist, a deactivated account and a real one,
/// so the time taken does not tell which accounts exist, and a deactivated account answers as a wrong password;</item>
/// <item>failures are counted per account <i>and address</i>: five wrong passwords from one address lock that account
/// for 15 minutes from that address only, so the chairman's own laptop still signs in while a stranger hammers his
/// name (the per-address rate limit in the portal bounds how many names a stranger can try).</item>
/// </list>
/// </summary>
public sealed class SignInGuard(TimeProvider clock)
{
    public static readonly TimeSpan Window = IdentityRules.LockoutDuration;
    private readonly ConcurrentDictionary<(string Name, string Address), Failures> _failures = new();
    private readonly Lazy<string> _dummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), RandomNumberGenerator.GetHexString(24)));

    public async Task<SignInCheck> CheckAsync(UserManager<AppUser> users, string userName, string password, string address)
    {
        var key = (userName.Trim().ToLowerInvariant(), address);
        var user = await users.FindByNameAsync(key.Item1);
        bool passwordOk;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), _dummyHash.Value, password); // the same work, result unused
            passwordOk = false;
        }
        else
        {
            passwordOk = await users.CheckPasswordAsync(user, password);
        }

        var now = clock.GetUtcNow();
        if (IsLocked(key, now)) return new SignInCheck(SignInOutcome.Locked, null);
        // A deactivated account answers exactly as a wrong password (and counts as one): a stranger cannot tell it
        // from a name that does not exist.
        var deactivated = user is not null && (!user.IsActive || await users.IsLockedOutAsync(user));
        if (!passwordOk || deactivated)
            return new SignInCheck(RecordFailure(key, now) >= IdentityRules.MaxFailedAttempts ? SignInOutcome.Locked : SignInOutcome.Invalid, null);
        _failures.TryRemove(key, out _);
        return new SignInCheck(SignInOutcome.Succeeded, user);
    }

    private bool IsLocked((string, string) key, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var f) && f.LockedUntil is { } until && until > now;

    private int RecordFailure((string, string) key, DateTimeOffset now)
    {
        var f = _failures.AddOrUpdate(key, _ => new Failures(1, now, null), (_, old) =>
            now - old.First > Window ? new Failures(1, now, null) : old with { Count = old.Count + 1 });
        if (f.Count >= IdentityRules.MaxFailedAttempts && f.LockedUntil is null)
            _failures[key] = f = f with { LockedUntil = now + IdentityRules.LockoutDuration };
        // Forget old entries now and then, so a stranger cannot grow the table without bound.
        if (_failures.Count > 10_000)
            foreach (var old in _failures.Where(e => now - e.Value.First > Window && (e.Value.LockedUntil ?? now) <= now).Select(e => e.Key).ToList())
                _failures.TryRemove(old, out _);
        return f.Count;
    }

    private sealed record Failures(int Count, DateTimeOffset First, DateTimeOffset? LockedUntil);
}

public enum SignInOutcome { Succeeded, Invalid, Locked }

public sealed record SignInCheck(SignInOutcome Outcome, AppUser? User);
