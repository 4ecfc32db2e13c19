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
}

/// <summary>Opened: a citizen's file was looked at (nothing changed, but the law asks who saw it).</summary>
public enum AuditAction { Created, Updated, Opened }

public sealed record AuditChange(string Field, string? Old, string? New);
