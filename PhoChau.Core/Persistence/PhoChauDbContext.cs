using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PhoChau.Core.Auditing;
using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Citizens;
using PhoChau.Core.Messages;
using PhoChau.Core.Monitoring;
using PhoChau.Core.PersonalData;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
using System.Reflection;

namespace PhoChau.Core.Persistence;

public class PhoChauDbContext : IdentityDbContext<AppUser>
{
    public PhoChauDbContext(DbContextOptions<PhoChauDbContext> options) : base(options) => _commune = CommuneOf(options);

    /// <summary>For a provider's own context type (PostgreSQL), which has its own migrations.</summary>
    protected PhoChauDbContext(DbContextOptions options) : base(options) => _commune = CommuneOf(options);

    private readonly int? _commune;

    /// <summary>
    /// The commune this context sees and writes for (taken from <see cref="CommuneScope"/> when it is made): the one
    /// place commune-owned records are filtered (query filters) and stamped (saving), so no service has to remember.
    /// On a database of several communes, a context made with no commune set throws here, at its first filtered query
    /// or stamped save (queries that ignore the filters on purpose, the province's, are unaffected).
    /// </summary>
    public int CurrentCommuneId => _commune ?? throw new NoCommuneScopeException();

    /// <summary>Which database this context is on (its connection string): what <see cref="CommuneScope.MarkSeveral"/> keys.</summary>
    public string? DatabaseKey { get; private set; }

    private int? CommuneOf(DbContextOptions options)
    {
        DatabaseKey = options.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.ConnectionString;
        return CommuneScope.ForDatabase(DatabaseKey);
    }

    public DbSet<CommuneProfile> CommuneProfiles => Set<CommuneProfile>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Dialogue> Dialogues => Set<Dialogue>();
    public DbSet<DialogueDeadline> DialogueDeadlines => Set<DialogueDeadline>();
    public DbSet<Petition> Petitions => Set<Petition>();
    public DbSet<Speaker> Speakers => Set<Speaker>();
    public DbSet<SpeakerPetition> SpeakerPetitions => Set<SpeakerPetition>();
    public DbSet<PetitionSupport> PetitionSupports => Set<PetitionSupport>();
    public DbSet<PetitionAttachment> PetitionAttachments => Set<PetitionAttachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<DialogueParticipant> DialogueParticipants => Set<DialogueParticipant>();
    public DbSet<CalendarCorrection> CalendarCorrections => Set<CalendarCorrection>();
    public DbSet<AddedHoliday> AddedHolidays => Set<AddedHoliday>();
    public DbSet<Minutes> Minutes => Set<Minutes>();
    public DbSet<ConclusionNotice> ConclusionNotices => Set<ConclusionNotice>();
    public DbSet<SpeakerRequest> SpeakerRequests => Set<SpeakerRequest>();
    public DbSet<PetitionRating> PetitionRatings => Set<PetitionRating>();
    public DbSet<DataRequest> DataRequests => Set<DataRequest>();
    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();
    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<SignatureArt> SignatureArts => Set<SignatureArt>();
    public DbSet<OutgoingEntry> OutgoingRegister => Set<OutgoingEntry>();
    public DbSet<DocumentDraft> DocumentDrafts => Set<DocumentDraft>();
    public DbSet<DialoguePublication> DialoguePublications => Set<DialoguePublication>();
    public DbSet<VoterCount> VoterCounts => Set<VoterCount>();
    public DbSet<ClusterVillage> ClusterVillages => Set<ClusterVillage>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MessageToken> MessageTokens => Set<MessageToken>();
    public DbSet<HealthProbe> HealthProbes => Set<HealthProbe>();
    public DbSet<PublicCopy> PublicCopies => Set<PublicCopy>();
    public DbSet<LiveAudience> LiveAudiences => Set<LiveAudience>();

    /// <summary>
    /// Who this unit of work acts for: every save of this context is audited in their name (the system's until a
    /// person is set, e.g. the outbox's delivery or the retention job).
    /// </summary>
    public Actor Actor { get; private set; } = Actor.System;

    /// <summary>The person this unit of work acts for from now on (its saves are audited in their name).</summary>
    public PhoChauDbContext ActAs(Actor actor)
    {
        Actor = actor;
        return this;
    }

    /// <summary>
    /// The save erases a person's data (a request to erase it, or retention): the trail says which fields changed but
    /// not what they held, and records that belong only to that person (their scans) may be deleted.
    /// </summary>
    public bool ErasingPersonalData { get; set; }

    /// <summary>Saves as <paramref name="actor"/>: the same save as any other (<see cref="AuditTrailWriter"/>), in their name.</summary>
    public Task<int> SaveChangesAsync(Actor actor, CancellationToken ct = default) => ActAs(actor).SaveChangesAsync(ct);

    internal RaisedEvents Raised { get; } = new();

    /// <summary>
    /// An event of this unit of work that belongs to no tracked record (results published for a dialogue, petitions
    /// written by the bulk inserter): handled by the next save, like the records' own.
    /// </summary>
    public void Raise(IDomainEvent domainEvent) => Raised.Add(domainEvent);

    /// <summary>Events of saves inside a transaction still open: their after-commit handlers wait for its commit.</summary>
    internal List<IDomainEvent> AwaitingCommit { get; } = [];

    // The save in progress (set and cleared by AuditTrailWriter).
    internal AuditTrailWriter.PendingSave? Pending { get; set; }
    internal bool InNestedSave { get; set; }

    protected override void OnConfiguring(DbContextOptionsBuilder options)
    {
        // In the context itself, not in its registration: no context can be made that saves without the trail.
        options.AddInterceptors(AuditTrailWriter.Instance, AfterCommitDispatcher.Instance);
    }

    private TimeProvider? _clock;

    /// <summary>The application's clock (its <see cref="TimeProvider"/>; the system's when the context was made without one).</summary>
    public TimeProvider Clock => _clock ??=
        this.GetService<IDbContextOptions>()
            .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TimeProvider)) as TimeProvider
        ?? TimeProvider.System;

    /// <summary>
    /// Optimistic concurrency on what the user saw: a record changed since is refused at once, and the save
    /// is guarded by that version, so a change made in between by another screen is never overwritten.
    /// </summary>
    public void ExpectVersion<T>(T entity, int expectedVersion) where T : class, IVersioned
    {
        if (entity.Version != expectedVersion) throw new ConcurrencyConflictException();
        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums as text: the database stays readable for an IT officer with a SQLite browser.
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        // Each feature says how its records are stored (its *Model.cs); what needs this context stays here.
        b.ApplyConfigurationsFromAssembly(typeof(PhoChauDbContext).Assembly);
        b.Entity<CommuneProfile>().HasQueryFilter(p => p.Id == CurrentCommuneId);

        // Every commune-owned record: only the current commune's, whatever the query.
        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(ICommuneOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            typeof(PhoChauDbContext).GetMethod(nameof(FilterByCommune), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType).Invoke(this, [b]);
            b.Entity(type.ClrType).HasIndex(nameof(ICommuneOwned.CommuneId));
        }
    }

    private void FilterByCommune<T>(ModelBuilder b) where T : class, ICommuneOwned =>
        b.Entity<T>().HasQueryFilter(e => e.CommuneId == CurrentCommuneId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        catch (Exception ex)
        {
            AuditTrailWriter.Abandon(this);
            if (ex is DbUpdateConcurrencyException) throw new ConcurrencyConflictException();
            throw;
        }
    }

    /// <summary>Every save overload ends here; a record changed meanwhile by another screen is a clear conflict.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct); }
        catch (Exception ex)
        {
            AuditTrailWriter.Abandon(this); // the trail of a failed save goes with it
            if (ex is DbUpdateConcurrencyException) throw new ConcurrencyConflictException();
            throw;
        }
    }

    /// <summary>New records belong to the current commune; a record of another commune is never changed from here.</summary>
    internal void StampCommune()
    {
        foreach (var entry in ChangeTracker.Entries<ICommuneOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.CommuneId == 0) entry.Entity.CommuneId = CurrentCommuneId;
            else if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity.CommuneId != CurrentCommuneId)
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of commune {entry.Entity.CommuneId} cannot be changed from commune {CurrentCommuneId}.");
        }
    }
}
