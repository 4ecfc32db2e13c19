namespace PhoChau.Core.Auditing;

public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, string? UserName = null, int Skip = 0, int Take = 50);
