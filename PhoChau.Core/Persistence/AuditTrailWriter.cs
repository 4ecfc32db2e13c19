using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PhoChau.Core.Auditing;

namespace PhoChau.Core.Persistence;

/// <summary>
/// The unit of work (issue 34.1): every save of a <see cref="PhoChauDbContext"/>, whichever overload a caller uses,
/// passes here. It stamps the commune, moves each changed record's version on, and writes the audit trail (who, when,
/// each field's old and new value) in the same transaction as the change, in the name of the context's
/// <see cref="PhoChauDbContext.Actor"/> (the system's when no person acts). The domain events the save's records raised
/// are handled once its rows are written, in its transaction, and what the handlers add is saved with the trail's own
/// rows. No caller can save without it: the context adds this interceptor to itself.
/// </summary>
internal sealed class AuditTrailWriter : SaveChangesInterceptor
{
    public static readonly AuditTrailWriter Instance = new();

    /// <summary>
    /// Columns computed from others (search and sort keys) and secrets (the PIN's hash, whose issue time is audited
    /// instead), and the queue's change time (it only moves the dialogue's version; the speakers' changes are audited
    /// themselves), and the commune a record belongs to (stamped, never entered): the audit records what people entered
    /// and when, not these. A property marked <see cref="NotAuditedAttribute"/> is left out too.
    /// </summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string> { "SearchText", "NameSortKey", "PinHash", "QueueChangedAtUtc", "CommuneId" };

    /// <summary>What one save has still to do after the rows are written: the created records' entries, its own transaction.</summary>
    internal sealed class PendingSave
    {
        public List<(EntityEntry Entry, List<AuditChange> Changes)> Creations { get; } = [];
        public List<AuditEntry> Added { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
        public int AuditRows { get; set; }
        public List<IDomainEvent> Events { get; set; } = [];
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PhoChauDbContext db && Prepare(db) is { } pending && NeedsTransaction(db, pending))
            pending.OwnTransaction = db.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PhoChauDbContext db && Prepare(db) is { } pending && NeedsTransaction(db, pending))
            pending.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not PhoChauDbContext db || db.InNestedSave || db.Pending is not { } pending) return result;
        try
        {
            // A synchronous save waits for its handlers: the outbox's rows are in this transaction or nowhere.
            DomainEventDispatch.HandleAsync(db, pending.Events, CancellationToken.None).GetAwaiter().GetResult();
            var late = CollectHandlersChanges(db, pending);
            if (AddCreations(db, pending, pending.Creations) | pending.Events.Count > 0) Nested(db, () => db.SaveChanges());
            if (AddCreations(db, pending, late)) Nested(db, () => db.SaveChanges());
            DomainEventDispatch.Saved(db, pending.Events); // before its own transaction's commit, which dispatches them
            pending.OwnTransaction?.Commit();
        }
        catch
        {
            Abandon(db, pending);
            throw;
        }
        return Finish(db, pending, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not PhoChauDbContext db || db.InNestedSave || db.Pending is not { } pending) return result;
        try
        {
            await DomainEventDispatch.HandleAsync(db, pending.Events, cancellationToken);
            var late = CollectHandlersChanges(db, pending);
            if (AddCreations(db, pending, pending.Creations) | pending.Events.Count > 0) await NestedAsync(db, cancellationToken);
            if (AddCreations(db, pending, late)) await NestedAsync(db, cancellationToken);
            DomainEventDispatch.Saved(db, pending.Events); // before its own transaction's commit, which dispatches them
            if (pending.OwnTransaction is { } tx) await tx.CommitAsync(cancellationToken);
        }
        catch
        {
            Abandon(db, pending); // the rows of the first half go with the transaction
            throw;
        }
        return Finish(db, pending, result);
    }

    /// <summary>Stamps, versions and audits the tracked changes; null for the trail's own second save.</summary>
    private static PendingSave? Prepare(PhoChauDbContext db)
    {
        if (db.InNestedSave)
        {
            db.StampCommune(); // the created records' entries
            return null;
        }
        var pending = new PendingSave { Events = DomainEventDispatch.Take(db) };
        Collect(db, pending.Creations, pending.Added);
        // Changed rows have their ids: their entries go in this save. Added rows get theirs from it, then a second.
        db.AuditEntries.AddRange(pending.Added);
        db.StampCommune(); // the records and their entries belong to this context's commune
        pending.AuditRows = pending.Added.Count;
        db.Pending = pending;
        return pending;
    }

    /// <summary>
    /// Moves each changed record's version on and writes its updated entry into <paramref name="added"/>; a created
    /// record's values go into <paramref name="creations"/>, its entry written once it has its id.
    /// </summary>
    private static void Collect(PhoChauDbContext db, List<(EntityEntry Entry, List<AuditChange> Changes)> creations, List<AuditEntry> added)
    {
        var actor = db.Actor;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is IAudited && !db.ErasingPersonalData)
                throw new InvalidOperationException("Workflow records are never deleted; use a withdrawn or cancelled state.");
            // A version the caller moved itself is not moved twice.
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified && !entry.Property(nameof(IVersioned.Version)).IsModified)
                versioned.Version++;
            if (entry.Entity is not IAudited audited) continue;
            if (entry.State == EntityState.Added)
                creations.Add((entry, entry.Properties
                    .Where(p => !p.Metadata.IsPrimaryKey() && p.CurrentValue is not null && IsAudited(p))
                    .Select(p => new AuditChange(p.Metadata.Name, null, Format(p.CurrentValue))).ToList()));
            else if (entry.State == EntityState.Modified)
            {
                var changes = entry.Properties
                    .Where(p => p.IsModified && IsAudited(p) && !Equals(p.OriginalValue, p.CurrentValue))
                    // Erasing a person's data: the trail says which texts were erased, never what they held (a person's
                    // data are texts; a state or a date stays readable).
                    .Select(p => db.ErasingPersonalData && p.Metadata.ClrType == typeof(string)
                        ? new AuditChange(p.Metadata.Name, p.OriginalValue is null ? null : "******", Format(p.CurrentValue))
                        : new AuditChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue))).ToList();
                // A new receipt PIN is always in the trail (even within the same second), never its value or hash.
                if (entry.Properties.FirstOrDefault(p => p.Metadata.Name == "PinHash") is { IsModified: true } pin && !Equals(pin.OriginalValue, pin.CurrentValue))
                    changes.Add(new AuditChange("Pin", pin.OriginalValue is null ? null : "******", "******"));
                if (changes.Count > 0) added.Add(Entry(actor, now, entry, audited, AuditAction.Updated, changes));
            }
        }
    }

    /// <summary>
    /// What the event handlers changed is audited and versioned like the save's own changes (a petition's due date moved
    /// by its dialogue's deadlines): updates at once, the records they created once they have their ids (returned).
    /// </summary>
    private static List<(EntityEntry Entry, List<AuditChange> Changes)> CollectHandlersChanges(PhoChauDbContext db, PendingSave pending)
    {
        List<(EntityEntry Entry, List<AuditChange> Changes)> late = [];
        if (pending.Events.Count == 0) return late;
        var updated = new List<AuditEntry>();
        Collect(db, late, updated);
        db.AuditEntries.AddRange(updated);
        pending.Added.AddRange(updated);
        return late;
    }

    private static bool NeedsTransaction(PhoChauDbContext db, PendingSave pending) =>
        (pending.Creations.Count > 0 || pending.Events.Count > 0) && db.Database.CurrentTransaction is null;

    private static bool AddCreations(PhoChauDbContext db, PendingSave pending, List<(EntityEntry Entry, List<AuditChange> Changes)> creations)
    {
        if (creations.Count == 0) return false;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var entries = creations.Select(c => Entry(db.Actor, now, c.Entry, (IAudited)c.Entry.Entity, AuditAction.Created, c.Changes)).ToList();
        db.AuditEntries.AddRange(entries);
        pending.Added.AddRange(entries);
        return true;
    }

    private static void Nested(PhoChauDbContext db, Action save)
    {
        db.InNestedSave = true;
        try { save(); }
        finally { db.InNestedSave = false; }
    }

    private static async Task NestedAsync(PhoChauDbContext db, CancellationToken ct)
    {
        db.InNestedSave = true;
        try { await db.SaveChangesAsync(ct); }
        finally { db.InNestedSave = false; }
    }

    /// <summary>The caller's count is of its own rows, not the trail's.</summary>
    private static int Finish(PhoChauDbContext db, PendingSave pending, int result)
    {
        pending.OwnTransaction?.Dispose();
        db.Pending = null;
        return result - pending.AuditRows;
    }

    /// <summary>
    /// A failed save leaves no half-written trail behind: a retry audits once, not twice. Called by the context for every
    /// failure (EF Core does not tell interceptors of a concurrency failure).
    /// </summary>
    internal static void Abandon(PhoChauDbContext db)
    {
        if (!db.InNestedSave && db.Pending is { } pending) Abandon(db, pending);
    }

    private static void Abandon(PhoChauDbContext db, PendingSave pending)
    {
        if (db.InNestedSave) return; // the outer save's failure handler does it
        foreach (var entry in pending.Added)
            if (db.Entry(entry).State == EntityState.Added) db.Entry(entry).State = EntityState.Detached;
        if (pending.OwnTransaction is not null) db.AwaitingCommit.Clear(); // this save's alone: nothing to tell
        pending.OwnTransaction?.Dispose(); // rolls back
        db.Pending = null;
    }

    private static bool IsAudited(PropertyEntry p) =>
        p.Metadata.Name != nameof(IVersioned.Version) && !Derived.Contains(p.Metadata.Name)
        && p.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute)) != true;

    private static AuditEntry Entry(Actor actor, DateTime now, EntityEntry entry, IAudited audited, AuditAction action, List<AuditChange> changes) => new()
    {
        AtUtc = now,
        UserId = actor.UserId,
        UserName = actor.UserName,
        EntityType = entry.Metadata.ClrType.Name,
        EntityId = audited.Id.ToString(CultureInfo.InvariantCulture),
        Action = action,
        Changes = changes,
    };

    /// <summary>How a value is written in the audit trail (also for rows inserted in bulk).</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
