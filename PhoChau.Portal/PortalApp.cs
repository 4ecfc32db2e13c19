using PhoChau.Core;
using PhoChau.Portal.Components;
using PhoChau.Portal.Features.Account;
using PhoChau.Portal.Features.Backups;
using PhoChau.Portal.Features.Calendar;
using PhoChau.Portal.Features.Citizens;
using PhoChau.Portal.Features.Dialogues;
using PhoChau.Portal.Features.Health;
using PhoChau.Portal.Features.Live;
using PhoChau.Portal.Features.Monitoring;
using PhoChau.Portal.Features.Petitions;
using PhoChau.Portal.Features.Reports;
using PhoChau.Portal.Features.PersonalData;
using PhoChau.Portal.Features.Province;
using PhoChau.Portal.Hosting;
using PhoChau.Portal.Hubs;
using Microsoft.AspNetCore.Connections;
using System.Text;

namespace PhoChau.Portal;

/// <summary>Builds and runs the portal; tests build it the same way on a loopback port.</summary>
public static class PortalApp
{
    public static readonly string[] Cultures = ["vi-VN", "en-US"];

    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Vietnamese letters on a Windows console too (its default code page prints "T?i kho?n").
        Console.OutputEncoding = Encoding.UTF8;
        var status = await RunPortalAsync(args, configure);
        if (status != 0) ConsoleWindow.PauseIfOwnWindow();
        return status;
    }

    private static async Task<int> RunPortalAsync(string[] args, Action<WebApplicationBuilder>? configure)
    {
        if (PortalCommands.Handles(args)) return await PortalCommands.RunAsync(args);
        WebApplication app;
        try
        {
            app = Build(args, configure);
        }
        catch (StartupFailureException ex)
        {
            // Before the host exists (the data folder cannot be written): the same one line, from a logger of its own.
            using var early = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
            early.CreateLogger("PhoChau.Portal.Startup").LogCritical("{Reason}", ex.Message);
            return 1;
        }
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PhoChau.Portal.Startup");
        try
        {
            await app.StartAsync();
        }
        catch (Exception ex) when (StartupFailure(ex) is { } reason)
        {
            // One line an operator can act on; a non-zero exit tells the service manager it did not start.
            log.LogCritical("{Reason}", reason);
            await app.Services.GetRequiredService<DatabaseReadiness>().SettledAsync();
            await app.DisposeAsync();
            return 1;
        }
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    private static string? StartupFailure(Exception ex) => ex switch
    {
        StartupFailureException s => s.Message,
        IOException io when io.InnerException is AddressInUseException =>
            $"Cổng mạng đã có chương trình khác dùng ({io.Message.TrimEnd('.')}). Hãy dừng chương trình đó hoặc chọn cổng khác (ASPNETCORE_URLS, --urls). / The port is already in use: stop the other program or choose another port (ASPNETCORE_URLS, --urls).",
        _ => null,
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name finds the static-asset manifests and must be the portal's even when a
        // test host starts it in-process.
        // `--demo` is the documented shortcut for Seed:Demo=true; it is taken out before the configuration reads the
        // arguments, where a bare switch would swallow the next argument as its value.
        var demo = args.Contains("--demo");
        args = args.Where(a => a != "--demo").ToArray();
        // Started by a service manager from any working directory, the portal still finds its appsettings.json and wwwroot.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
            ContentRootPath = PortalPaths.ContentRootGiven(args) ? null : PortalPaths.DefaultContentRoot(),
        });
        if (demo) builder.Configuration["Seed:Demo"] = "true";
        BeginDatabaseModel(builder);
        ListenAddresses.ApplyDefault(builder);
        // One line per message (a journal, a console window); the host's own start-up error would repeat ours with a stack trace.
        // Logging:Format=json gives one JSON object per line for a province's log collector (README: "Metrics and logs").
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        else
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // Windows service and systemd: no-ops when started by hand.
        builder.Services.AddWindowsService(o => o.ServiceName = "PhoChau");
        builder.Services.AddSystemd();
        // MudBlazor's CSS/JS come from the package: map them with `dotnet run` in any environment,
        // not only Development (a published portal has them in wwwroot and this is a no-op).
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>
    /// EF Core's model, begun as early as the configuration says which database this is (ModelHeadStart): it is what
    /// start-up's migrations wait for. A provider the configuration gets wrong is reported where the data is wired.
    /// </summary>
    private static void BeginDatabaseModel(WebApplicationBuilder builder)
    {
        DatabaseProvider provider;
        try { provider = PortalDataServices.Provider(builder.Configuration); }
        catch (StartupFailureException) { return; }
        builder.Services.AddSingleton(ModelHeadStart.Begin(provider));
    }

    /// <summary>The portal's services, a group a concern; each group lives beside the feature it serves.</summary>
    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPortalHosting(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddPhoChauCore();
        services.AddPortalAccounts(builder.Configuration);
        services.AddPublicPages();
        services.AddPortalLanguage();
        services.AddPortalHealth();
        services.AddPortalMetrics(builder.Configuration);
        services.AddHall();
        services.AddScheduledJobs(builder.Configuration);
    }

    /// <summary>The request pipeline, in the order that matters (see each line), then every endpoint.</summary>
    private static void Configure(WebApplication app)
    {
        app.UseSecurityHeaders(app.Configuration);
        app.UseStartupGate(); // before anything that reads the database
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseOriginCheck(app.Configuration);
        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseCommuneScope(); // from here on, every query sees only the signed-in user's commune
        app.UseAuthorization();
        // After authentication: a token is bound to the signed-in user, so it must be checked against that user.
        app.UseAntiforgery();
        app.UseRateLimiter();
        // After sign-in is known (staff are never held back) and the per-address limits (a flood is refused, not queued).
        var publicWork = app.Services.GetRequiredService<PublicWorkGate>();
        app.Use((http, next) => publicWork.InvokeAsync(http, () => next(http)));
        app.MapPortalEndpoints();
    }

    /// <summary>Every address the portal answers: files and APIs per feature, the hall's hub, the pages.</summary>
    private static void MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapAccountEndpoints();
        app.MapCalendarApi();
        app.MapPetitionEndpoints();
        app.MapReportEndpoints();
        app.MapIssuingEndpoints();
        app.MapPublicationEndpoints();
        app.MapResultsEndpoints();
        app.MapLiveEndpoints();
        app.MapPersonalDataEndpoints();
        app.MapProvinceEndpoints();
        app.MapBackupEndpoints();
        app.MapHub<HallHub>("/hubs/hall");
        // The policy of SecurityHeaders already says frame-ancestors 'self'; a second header would only repeat it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    }
}
