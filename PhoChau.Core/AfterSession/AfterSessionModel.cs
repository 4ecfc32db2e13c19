using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.AfterSession;

// How the minutes (one row a version) and the notice of conclusions (one a dialogue) are stored.
internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> e)
    {
        e.Property(m => m.Version).IsConcurrencyToken();
        e.HasIndex(m => new { m.DialogueId, m.VersionNumber }).IsUnique();
        e.HasOne<Dialogue>().WithMany().HasForeignKey(m => m.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConclusionNoticeConfiguration : IEntityTypeConfiguration<ConclusionNotice>
{
    public void Configure(EntityTypeBuilder<ConclusionNotice> e)
    {
        e.Property(n => n.Version).IsConcurrencyToken();
        e.HasIndex(n => n.DialogueId).IsUnique();
        e.HasOne<Dialogue>().WithMany().HasForeignKey(n => n.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}
