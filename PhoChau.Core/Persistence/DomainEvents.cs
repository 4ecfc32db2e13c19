using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

/// <summary>The events raised since the last save, by a record or by the context; the save takes them all at once.</summary>
public sealed class RaisedEvents
{
    private List<IDomainEvent>? _events;

    public void Add(IDomainEvent domainEvent) => (_events ??= []).Add(domainEvent);

    public IReadOnlyList<IDomainEvent> Take()
    {
        var events = _events ?? [];
        _events = null;
        return events;
    }
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

/// <summary>
/// Handles one kind of event once the transaction that wrote it has committed: what other people's screens are told
/// (the hall's), never before the change is there to be read, and not at all when it is rolled back.
/// </summary>
public abstract class AfterCommitHandler<TEvent> : IAfterCommitHandler where TEvent : IDomainEvent
{
    Type IAfterCommitHandler.EventType => typeof(TEvent);

    void IAfterCommitHandler.Handle(IDomainEvent domainEvent) => Handle((TEvent)domainEvent);

    protected abstract void Handle(TEvent domainEvent);
}

/// <summary>What the commit calls; a handler derives from <see cref="AfterCommitHandler{TEvent}"/>.</summary>
public interface IAfterCommitHandler
{
    Type EventType { get; }

    void Handle(IDomainEvent domainEvent);
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
        events.AddRange(db.Raised.Take());
        return events;
    }

    public static async Task HandleAsync(PhoChauDbContext db, IReadOnlyList<IDomainEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var handlers = Services(db)?.GetServices<IDomainEventHandler>().ToList()
            ?? throw new InvalidOperationException("A context that raises domain events must come from the application's container (IDbContextFactory).");
        foreach (var e in events)
            foreach (var handler in handlers.Where(h => h.EventType.IsInstanceOfType(e)))
                await handler.HandleAsync(db, e, ct);
    }

    /// <summary>After the save: at once when no transaction is open, else when it commits (<see cref="AfterCommitDispatcher"/>).</summary>
    public static void Saved(PhoChauDbContext db, IReadOnlyList<IDomainEvent> events)
    {
        if (events.Count == 0) return;
        if (db.Database.CurrentTransaction is null) Committed(db, events);
        else db.AwaitingCommit.AddRange(events);
    }

    public static void Committed(PhoChauDbContext db, IReadOnlyList<IDomainEvent> events)
    {
        if (events.Count == 0 || Services(db) is not { } services) return;
        var handlers = services.GetServices<IAfterCommitHandler>().ToList();
        foreach (var e in events)
            foreach (var handler in handlers.Where(h => h.EventType.IsInstanceOfType(e)))
                handler.Handle(e);
    }

    private static IServiceProvider? Services(PhoChauDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
}

/// <summary>The after-commit handlers of the events a committed transaction wrote; a rolled-back one's are dropped.</summary>
internal sealed class AfterCommitDispatcher : DbTransactionInterceptor
{
    public static readonly AfterCommitDispatcher Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Dispatch(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Dispatch(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData);
        return Task.CompletedTask;
    }

    private static void Dispatch(TransactionEndEventData eventData)
    {
        if (eventData.Context is not PhoChauDbContext db || db.AwaitingCommit.Count == 0) return;
        var events = db.AwaitingCommit.ToList();
        db.AwaitingCommit.Clear();
        DomainEventDispatch.Committed(db, events);
    }

    private static void Drop(TransactionEndEventData eventData)
    {
        if (eventData.Context is PhoChauDbContext db) db.AwaitingCommit.Clear();
    }
}
