using Bunit;
using Bunit.TestDoubles;
using MudBlazor.Services;
using PhoChau.Core.Departments;
using PhoChau.Core.Commune;
using PhoChau.Core.Auditing;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Overview;
using PhoChau.Portal.Security;

namespace PhoChau.Tests.Support;

/// <summary>A bunit context with MudBlazor, Vietnamese resources and Core services over a real SQLite file.</summary>
public abstract class PortalBunitContext : BunitContext, IAsyncLifetime
{
    protected CoreTestHost Core { get; private set; } = default!;
    protected BunitAuthorizationContext Auth { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Core = await CoreTestHost.StartAsync();
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        foreach (var type in new[] { typeof(DepartmentService), typeof(VillageService), typeof(CommuneProfileService), typeof(AuditService), typeof(UserAdminService), typeof(DashboardService), typeof(YearFiguresService), typeof(PhoChau.Core.Calendar.CalendarService), typeof(DeadlineService),
                     typeof(PhoChau.Core.Citizens.SatisfactionService), typeof(PhoChau.Core.Citizens.ReceiptService), typeof(PhoChau.Core.Citizens.PublicLookupService),
                     typeof(PhoChau.Core.Petitions.AnswerTemplateService), typeof(PhoChau.Core.Speakers.SpeakerRequestService), typeof(PhoChau.Core.PersonalData.DataRequestService),
                     typeof(PhoChau.Core.Backups.BackupKey), typeof(PhoChau.Core.Backups.BackupService), typeof(PhoChau.Core.Persistence.DatabaseInfo),
                     typeof(PhoChau.Core.PersonalData.DataRequestInputValidator), typeof(PhoChau.Core.Monitoring.PortalMetrics),
                     typeof(Microsoft.Extensions.Options.IOptions<PhoChau.Core.Backups.BackupOptions>), typeof(Microsoft.Extensions.Options.IOptions<PhoChau.Core.PersonalData.PersonalDataOptions>) })
            Services.AddSingleton(type, Core.Services.GetRequiredService(type));
        Services.AddSingleton<TimeProvider>(Core.Clock);
        AddCoreServices(Services);
        Services.AddScoped<CurrentActor>();
        Services.AddScoped<PhoChau.Portal.Features.Citizens.ReceiptHandoff>();
        Services.AddSingleton(sp => new PhoChau.Portal.Features.Citizens.PublicAddress(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), sp));
        Auth = AddAuthorization();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("vi-VN");
    }

    /// <summary>Later features add their services here.</summary>
    protected virtual void AddCoreServices(IServiceCollection services) { }

    protected void SignInAs(string userName, string role, int? departmentId = null)
    {
        Auth.SetAuthorized(userName);
        Auth.SetRoles(role);
        var claims = new List<System.Security.Claims.Claim> { new(System.Security.Claims.ClaimTypes.NameIdentifier, userName + "-id") };
        if (departmentId is { } d) claims.Add(new(PortalClaimsPrincipalFactory.DepartmentClaim, d.ToString()));
        Auth.SetClaims(claims.ToArray());
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Core.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
