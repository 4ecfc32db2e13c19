using System.Globalization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PhoChau.Core.Auditing;

namespace PhoChau.Core.Persistence;

/// <summary>Writes the audit trail beside the change, and turns a stale save into a clear conflict.</summary>
internal static class AuditTrailWriter
{
    /// <summary>
    /// Columns computed from others (search and sort keys) and secrets (the PIN's hash, whose issue time is audited
    /// instead), and the queue's change time (it only moves the dialogue's version; the speakers' changes are audited
    /// themselves), and the commune a record belongs to (stamped, never entered): the audit records what people entered
    /// and when, not these.
    /// </summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string> { "SearchText", "NameSortKey", "PinHash", "QueueChangedAtUtc", "CommuneId" };

    public static async Task<int> SaveAsync(PhoChauDbContext db, Actor actor, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var pending = new List<(EntityEntry Entry, AuditAction Action, List<AuditChange> Changes)>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is IAudited)
                throw new InvalidOperationException("Workflow records are never deleted; use a withdrawn or cancelled state.");
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
                versioned.Version++;
            if (entry.Entity is not IAudited) continue;
            if (entry.State == EntityState.Added)
                pending.Add((entry, AuditAction.Created, entry.Properties
                    // The row version is plumbing, not a value anyone set: the trail showed it as "Version" (issue 33.8).
                    .Where(p => !p.Metadata.IsPrimaryKey() && p.CurrentValue is not null && p.Metadata.Name != nameof(IVersioned.Version) && !Derived.Contains(p.Metadata.Name))
                    .Select(p => new AuditChange(p.Metadata.Name, null, Format(p.CurrentValue))).ToList()));
            else if (entry.State == EntityState.Modified)
            {
                var changes = entry.Properties
                    .Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version) && !Derived.Contains(p.Metadata.Name)
                        && !Equals(p.OriginalValue, p.CurrentValue))
                    .Select(p => new AuditChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue))).ToList();
                // A new receipt PIN is always in the trail (even within the same second), never its value or hash.
                if (entry.Properties.FirstOrDefault(p => p.Metadata.Name == "PinHash") is { IsModified: true } pin && !Equals(pin.OriginalValue, pin.CurrentValue))
                    changes.Add(new AuditChange("Pin", pin.OriginalValue is null ? null : "******", "******"));
                if (changes.Count > 0) pending.Add((entry, AuditAction.Updated, changes));
            }
        }

        AuditEntry Audit((EntityEntry Entry, AuditAction Action, List<AuditChange> Changes) p) => new()
        {
            AtUtc = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityId = ((IAudited)p.Entry.Entity).Id.ToString(CultureInfo.InvariantCulture),
            Action = p.Action,
            Changes = p.Changes,
        };

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // Changed rows have their ids: their audit goes in the same save. Added rows get theirs from it, then a second.
            var updates = pending.Where(p => p.Action == AuditAction.Updated).ToList();
            var creations = pending.Where(p => p.Action == AuditAction.Created).ToList();
            db.AuditEntries.AddRange(updates.Select(Audit));
            var count = await db.SaveChangesAsync(ct) - updates.Count;
            if (creations.Count > 0)
            {
                db.AuditEntries.AddRange(creations.Select(Audit));
                await db.SaveChangesAsync(ct);
            }
            if (tx is not null) await tx.CommitAsync(ct);
            return count;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }

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
