using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Petitions;

// How petitions, their supporting departments, attachments and answer templates are stored.
internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> e)
    {
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasIndex(p => new { p.DialogueId, p.Number }).IsUnique();
        e.HasIndex(p => new { p.CommuneId, p.Code }).IsUnique(); // one code, one petition, in a commune (issue 33.3)
        e.HasIndex(p => p.FormerCode);
        e.Property(p => p.FormerCode).HasMaxLength(30);
        e.Property(p => p.VillageTyped).HasMaxLength(100);
        e.HasIndex(p => p.State);
        e.HasIndex(p => p.NameSortKey);
        e.Property(p => p.PinHash).HasMaxLength(100);
        e.HasOne<Dialogue>().WithMany().HasForeignKey(p => p.DialogueId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Village>().WithMany().HasForeignKey(p => p.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Department>().WithMany().HasForeignKey(p => p.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PetitionSupportConfiguration : IEntityTypeConfiguration<PetitionSupport>
{
    public void Configure(EntityTypeBuilder<PetitionSupport> e)
    {
        e.HasKey(x => new { x.PetitionId, x.DepartmentId });
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId);
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PetitionAttachmentConfiguration : IEntityTypeConfiguration<PetitionAttachment>
{
    public void Configure(EntityTypeBuilder<PetitionAttachment> e)
    {
        e.HasIndex(x => x.PetitionId);
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> e)
    {
        e.HasKey(c => c.AttachmentId);
        e.Property(c => c.AttachmentId).ValueGeneratedNever();
        e.HasOne<PetitionAttachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> e)
    {
        e.Property(t => t.Version).IsConcurrencyToken();
        e.Property(t => t.Title).HasMaxLength(150).IsRequired();
        e.Property(t => t.Body).HasMaxLength(8000).IsRequired();
        e.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
