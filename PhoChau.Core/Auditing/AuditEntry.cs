using System.Globalization;

namespace PhoChau.Core.Auditing;

/// <summary>One change to one record: who, when, what, and each field's old → new value.</summary>
public class AuditEntry : ICommuneOwned
{
    public int CommuneId { get; set; }

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    public List<AuditChange> Changes { get; set; } = [];

    /// <summary>
    /// An entry written by hand, where the generic audited save would not say it (an opening, an account's change) or
    /// must not (an erasure, whose old values are exactly what may not be kept).
    /// </summary>
    public static AuditEntry By(Actor actor, DateTime atUtc, string entityType, object entityId, AuditAction action, params AuditChange[] changes) => new()
    {
        AtUtc = atUtc, UserId = actor.UserId, UserName = actor.UserName, EntityType = entityType,
        EntityId = Convert.ToString(entityId, CultureInfo.InvariantCulture) ?? "", Action = action, Changes = [.. changes],
    };
}

/// <summary>Opened: a citizen's file was looked at (nothing changed, but the law asks who saw it).</summary>
public enum AuditAction { Created, Updated, Opened }

public sealed record AuditChange(string Field, string? Old, string? New);
