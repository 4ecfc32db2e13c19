using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PhoChau.Core.Auditing;
using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Every Core service, the same for the portal and the tests. Services are singletons: they hold no
    /// state of a user and open one short-lived DbContext per operation.
    /// </summary>
    public static IServiceCollection AddPhoChauCore(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<UnitNameValidator>(ServiceLifetime.Singleton);
        // The portal's instruments: recorded always, exported only when Metrics:Enabled (the portal's /metrics).
        services.AddMetrics();
        services.AddSingleton<Monitoring.PortalMetrics>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Monitoring.DbCommandMetrics>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoDialogueSeeder>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<Citizens.TrackingPin>();
        services.AddSingleton<Reports.Signing.SignatureTrustList>();
        services.AddSingleton<CommuneProfileService>();
        services.AddSingleton<Province.ProvinceService>();
        services.AddSingleton<DepartmentService>();
        services.AddSingleton<VillageService>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<DeadlineService>();
        services.AddSingleton<ICalendarChangeListener>(sp => sp.GetRequiredService<DeadlineService>());
        services.AddSingleton<DashboardService>();
        services.AddSingleton<DialogueService>();
        services.AddSingleton<PublicationService>();
        services.AddSingleton<ClusterService>();
        services.AddSingleton<PetitionService>();
        services.AddSingleton<PetitionQuery>();
        services.AddSingleton<PetitionImport>();
        services.AddSingleton<AttachmentService>();
        services.AddSingleton<AttachmentCipher>();
        services.AddSingleton<PersonalData.DataRequestService>();
        services.AddSingleton<PersonalData.RetentionService>();
        services.AddSingleton<HallNotifier>();
        services.AddSingleton<HallSnapshots>();
        services.AddSingleton<Persistence.WriteGate>();
        services.AddSingleton<Persistence.GroupCommit>();
        services.AddSingleton<SpeakerQueueService>();
        services.AddSingleton<SpeakerRequestService>();
        services.AddSingleton<Citizens.ReceiptService>();
        services.AddSingleton<Citizens.PublicLookupService>();
        services.AddSingleton<Citizens.PublicResultsService>();
        services.AddSingleton<Citizens.SatisfactionService>();
        services.AddSingleton<AnswerTemplateService>();
        services.AddSingleton<SessionOutcomeService>();
        services.AddSingleton<Reports.ReportService>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<AfterSession.AfterSessionService>();
        services.AddSingleton<Reports.DocumentService>();
        services.AddSingleton<Reports.Issuing.IssuingService>();
        services.AddOptions<Reports.Issuing.NumberingOptions>();
        services.AddSingleton<Reports.Issuing.OutgoingRegisterService>();
        services.AddSingleton<Dialogues.YearFiguresService>();
        services.AddSingleton<Reports.EvidencePackService>();
        services.AddSingleton<Backups.BackupService>();
        services.AddSingleton<Backups.BackupKey>();
        services.AddSingleton<Backups.RestoreService>();
        services.AddSingleton<Messages.IMessageSender, Messages.EmailSender>();
        services.AddSingleton<Messages.IMessageSender, Messages.SmsSender>();
        services.AddSingleton<Messages.ZaloSender>();
        services.AddSingleton<Messages.IMessageSender>(sp => sp.GetRequiredService<Messages.ZaloSender>());
        services.AddSingleton<Messages.OutboxDelivery>();
        services.AddSingleton<Messages.OutboxService>();
        services.AddSingleton<Messages.CitizenMessages>();
        services.AddSingleton<Messages.StaffReminders>();
        services.AddSingleton<Messages.BounceReader>();
        return services;
    }
}
