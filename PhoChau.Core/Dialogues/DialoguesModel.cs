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
