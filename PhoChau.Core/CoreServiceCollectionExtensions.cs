using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoChau.Core.Auditing;
using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Demo;
using PhoChau.Core.Overview;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Backups;
using PhoChau.Core.Citizens;
using PhoChau.Core.Messages;
using PhoChau.Core.Monitoring;
using PhoChau.Core.PersonalData;
using PhoChau.Core.Province;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Documents.Signing;

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
        services.AddSingleton<PortalMetrics>();
        services.AddSingleton<IInterceptor, DbCommandMetrics>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoDialogueSeeder>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<TrackingPin>();
        services.AddSingleton<SignatureTrustList>();
        services.AddSingleton<CommuneProfileService>();
        services.AddSingleton<ProvinceService>();
        services.AddSingleton<DepartmentService>();
        services.AddSingleton<VillageService>();
        services.AddSingleton<TypedVillages>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<DeadlineService>();
        services.AddSingleton<ICalendarChangeListener>(sp => sp.GetRequiredService<DeadlineService>());
        services.AddSingleton<DashboardService>();
        services.AddSingleton<DialogueService>();
        services.AddSingleton<PublicationService>();
        services.AddSingleton<ClusterService>();
        services.AddSingleton<ClusterSessions>();
        services.AddSingleton<PetitionService>();
        services.AddSingleton<PetitionQuery>();
        services.AddSingleton<PetitionImport>();
        services.AddSingleton<AttachmentService>();
        services.AddSingleton<AttachmentCipher>();
        services.AddSingleton<DataRequestService>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<HallNotifier>();
        services.AddSingleton<IAfterCommitHandler, ShowPetitionsInTheHall>(); // petitions changed elsewhere reach the hall
        services.AddSingleton<IAfterCommitHandler, TellTheHall>(); // the session opened, a phone request: the screens reload
        services.AddSingleton<HallSnapshots>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<HallWrites>();
        services.AddSingleton<SpeakerQueueService>();
        services.AddSingleton<HallSessionService>();
        services.AddSingleton<LiveSessionService>(); // the public live page's content (issue 35)
        services.AddSingleton<SpeakerRequestService>();
        services.AddSingleton<ReceiptService>();
        services.AddSingleton<PublicLookupService>();
        services.AddSingleton<PublicResultsService>();
        services.AddSingleton<SatisfactionService>();
        services.AddSingleton<AnswerTemplateService>();
        services.AddSingleton<SessionOutcomeService>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<AfterSessionService>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<LiveAudienceService>();
        services.TryAddSingleton<IPublicSite, UnknownPublicSite>(); // the portal tells its address
        services.AddSingleton<IssuingService>();
        services.AddSingleton<SigningPluginService>();
        services.AddSingleton<SignatureArtService>();
        services.AddSingleton<DocumentCheckService>();
        services.AddOptions<NumberingOptions>();
        services.AddSingleton<OutgoingRegisterService>();
        services.AddSingleton<YearFiguresService>();
        services.AddSingleton<EvidencePackService>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<BackupKey>();
        services.AddSingleton<RestoreService>();
        services.AddSingleton<IMessageSender, EmailSender>();
        services.AddSingleton<IMessageSender, SmsSender>();
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<ZaloSender>());
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxService>();
        services.AddSingleton<CitizenMessages>();
        // The citizens' messages follow the petitions' and dialogues' events (issue 34.3).
        services.AddSingleton<IDomainEventHandler, FollowDialogueDeadlines>(); // petitions' due dates follow the dialogue's
        services.AddSingleton<IDomainEventHandler, TellPetitionReceived>();
        services.AddSingleton<IDomainEventHandler, TellReplySent>();
        services.AddSingleton<IDomainEventHandler, TellResultsPublished>();
        services.AddSingleton<StaffReminders>();
        services.AddSingleton<BounceReader>();
        return services;
    }
}
