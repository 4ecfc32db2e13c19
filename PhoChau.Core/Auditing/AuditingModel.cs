using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Auditing;

// How the audit trail is stored: the changes of an entry as one JSON column, found by record.
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(a => new { a.EntityType, a.EntityId });
        e.Property(a => a.Changes).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<AuditChange>>(v, JsonSerializerOptions.Default) ?? new List<AuditChange>(),
            new ValueComparer<List<AuditChange>>((a, c) => a!.SequenceEqual(c!), v => v.Count, v => v.ToList()));
    }
}
