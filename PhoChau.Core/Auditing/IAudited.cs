namespace PhoChau.Core.Auditing;

/// <summary>Marks an entity whose every change is written to the audit trail by <see cref="Persistence.PhoChauDbContext"/>.</summary>
public interface IAudited
{
    int Id { get; }
}
