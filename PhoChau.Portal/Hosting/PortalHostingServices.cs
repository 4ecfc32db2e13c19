using PhoChau.Portal.Features.Live;
using MudBlazor.Services;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using PhoChau.Portal.Components.Shared;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PhoChau.Portal.Hosting;

public static class PortalHostingServices
{
    /// <summary>The data folder and its keys, the start-up (checks, migrations, seed, the first administrator, the banner).</summary>
    public static IServiceCollection AddPortalHosting(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddPortalData(configuration, contentRoot);
        services.Configure<SeedOptions>(configuration.GetSection("Seed"));
        services.Configure<LiveOptions>(configuration.GetSection("Live"));
        services.AddSingleton<DataFolderGuard>();
        services.AddSingleton<FirstAdminPassword>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<StartupBanner>();
        return services;
    }


    /// <summary>Vietnamese by default (a cookie chooses English), MudBlazor's own words too, readable Vietnamese in JSON.</summary>
    public static IServiceCollection AddPortalLanguage(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(PortalApp.Cultures[0]).AddSupportedCultures(PortalApp.Cultures).AddSupportedUICultures(PortalApp.Cultures);
            // Only the cookie chooses: a browser set to English still gets the Vietnamese UI by default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // JSON keeps Vietnamese letters readable instead of \uXXXX escapes.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder =
            JavaScriptEncoder.Create(UnicodeRanges.All));
        // Messages at the bottom: at the top right they covered the page's own buttons (the receipt after a save).
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter);
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        return services;
    }
}
