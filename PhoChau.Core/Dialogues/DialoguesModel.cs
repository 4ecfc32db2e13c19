using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Departments;

namespace PhoChau.Core.Dialogues;

// How dialogues, their deadlines and participating bodies are stored.
internal sealed class DialogueConfiguration : IEntityTypeConfiguration<Dialogue>
{
    public void Configure(EntityTypeBuilder<Dialogue> e)
    {
        e.Property(d => d.Title).HasMaxLength(300).IsRequired();
        e.Property(d => d.Version).IsConcurrencyToken();
        e.HasMany(d => d.Deadlines).WithOne().HasForeignKey(x => x.DialogueId);
        e.Property(d => d.ClusterName).HasMaxLength(100);
        e.Property(d => d.OpenedOffDayReason).HasMaxLength(500);
        // No foreign key of its own: adding one would rebuild the dialogues table of every SQLite install; the
        // cluster's villages (below) refer to both rows, and ClusterService is the one place that sets it.
        e.HasIndex(d => d.ParentId);
        e.HasMany(d => d.ClusterVillages).WithOne().HasForeignKey(x => x.DialogueId);
    }
}

internal sealed class DialogueDeadlineConfiguration : IEntityTypeConfiguration<DialogueDeadline>
{
    public void Configure(EntityTypeBuilder<DialogueDeadline> e)
    {
        e.HasIndex(d => new { d.DialogueId, d.Key }).IsUnique();
    }
}

internal sealed class DialogueParticipantConfiguration : IEntityTypeConfiguration<DialogueParticipant>
{
    public void Configure(EntityTypeBuilder<DialogueParticipant> e)
    {
        e.HasKey(x => new { x.DialogueId, x.DepartmentId });
        e.HasOne<Dialogue>().WithMany().HasForeignKey(x => x.DialogueId);
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClusterVillageConfiguration : IEntityTypeConfiguration<ClusterVillage>
{
    public void Configure(EntityTypeBuilder<ClusterVillage> e)
    {
        // A village is in one cluster of a dialogue at most: the database refuses a second even when two screens race.
        e.HasIndex(x => new { x.ParentId, x.VillageId }).IsUnique();
        e.HasOne<Dialogue>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
