using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace PhoChau.Core.Security;

/// <summary>Password and lockout rules for a small office: long enough, not a puzzle; five tries then a pause.</summary>
public static class IdentityRules
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = 8;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>
    /// The accounts as every host wires them (the portal, its command-line tools, the tests, the benchmarks): these
    /// rules, roles, the database's stores, Vietnamese messages. Hosts that reset passwords add the token providers
    /// (ASP.NET Core's, which Core does not reference); the web portal adds sign-in on top.
    /// </summary>
    public static IdentityBuilder AddPhoChauIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PhoChauDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>();
}
