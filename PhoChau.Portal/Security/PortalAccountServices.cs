using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PhoChau.Portal.Features.Account;

namespace PhoChau.Portal.Security;

public static class PortalAccountServices
{
    /// <summary>
    /// Accounts and who may do what: Identity with its cookie, every page signed in unless it says otherwise, the
    /// security stamp checked on every request and by open screens, sign-in throttled per address.
    /// </summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPhoChauIdentity()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Cookie.Name = "phochau.auth";
        });
        // The security stamp is checked on every request: after sign-out (a new stamp) or deactivation, a copied
        // cookie opens nothing. One indexed lookup a request is nothing on the hall's LAN.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddSignInRateLimit(configuration);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        // Sign-out, deactivation and role changes end what is already open: circuits revalidate (hub connections: AddHall).
        services.AddSingleton<SessionValidity>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        return services;
    }
}
