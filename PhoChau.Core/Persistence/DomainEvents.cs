using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Something that happened to a record that another feature reacts to (issue 34.3): a petition received, a reply sent,
/// results published. The feature that changes the record raises it; the feature that reacts handles it
/// (<see cref="DomainEventHandler{TEvent}"/>), so the first never calls the second.
/// </summary>
public interface IDomainEvent;

/// <summary>A record that raises events; the save takes them (<see cref="TakeDomainEvents"/>) and has them handled.</summary>
public interface IRaisesDomainEvents
{
    IReadOnlyList<IDomainEvent> TakeDomainEvents();
}

/// <summary>
/// Handles one kind of event inside the save that raised it: after the changed rows are written (their ids known),
/// in the same transaction, and what the handler adds to the context is saved with them. The save fails if a
/// handler fails, so the change and its consequence (a queued message) are kept together or not at all. Handlers
/// are singletons of the container; they raise no further events.
/// </summary>
public abstract class DomainEventHandler<TEvent> : IDomainEventHandler where TEvent : IDomainEvent
{
    Type IDomainEventHandler.EventType => typeof(TEvent);

    Task IDomainEventHandler.HandleAsync(PhoChauDbContext db, IDomainEvent domainEvent, CancellationToken ct) =>
        HandleAsync(db, (TEvent)domainEvent, ct);

    protected abstract Task HandleAsync(PhoChauDbContext db, TEvent domainEvent, CancellationToken ct);
}

/// <summary>What the save calls; a handler derives from <see cref="DomainEventHandler{TEvent}"/>.</summary>
public interface IDomainEventHandler
{
    Type EventType { get; }

    Task HandleAsync(PhoChauDbContext db, IDomainEvent domainEvent, CancellationToken ct);
}

/// <summary>The events of one save, and their dispatch (called by <see cref="AuditTrailWriter"/>).</summary>
internal static class DomainEventDispatch
{
    /// <summary>The events the tracked records and the context itself raised since the last save, taken from them.</summary>
    public static List<IDomainEvent> Take(PhoChauDbContext db)
    {
        var events = db.ChangeTracker.Entries<IRaisesDomainEvents>().SelectMany(e => e.Entity.TakeDomainEvents()).ToList();
        events.AddRange(db.TakeRaised());
        return events;
    }

    public static async Task HandleAsync(PhoChauDbContext db, IReadOnlyList<IDomainEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("A context that raises domain events must come from the application's container (IDbContextFactory).");
        var handlers = services.GetServices<IDomainEventHandler>().ToList();
        foreach (var e in events)
            foreach (var handler in handlers.Where(h => h.EventType.IsInstanceOfType(e)))
                await handler.HandleAsync(db, e, ct);
    }
}
