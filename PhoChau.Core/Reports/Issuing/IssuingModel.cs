using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Reports.Issuing;

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> e)
    {
        e.Property(d => d.Version).IsConcurrencyToken();
        e.Property(d => d.Code).HasMaxLength(16);
        e.HasIndex(d => d.Code).IsUnique();
        e.Property(d => d.PluginTicket).HasMaxLength(64);
        e.HasIndex(d => d.PluginTicket).IsUnique();
        e.Property(d => d.NumberAndSymbol).HasMaxLength(60);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.Property(d => d.PreparedBy).HasMaxLength(256);
        e.Property(d => d.Signers).HasMaxLength(1000);
        e.Property(d => d.SigningNote).HasMaxLength(1000);
        e.HasIndex(d => new { d.DialogueId, d.Kind, d.VersionNumber }).IsUnique();
        e.HasOne<Dialogue>().WithMany().HasForeignKey(d => d.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignatureArtConfiguration : IEntityTypeConfiguration<SignatureArt>
{
    public void Configure(EntityTypeBuilder<SignatureArt> e)
    {
        e.HasIndex(a => new { a.CommuneId, a.Kind }).IsUnique();
        e.Property(a => a.UploadedBy).HasMaxLength(256);
    }
}
