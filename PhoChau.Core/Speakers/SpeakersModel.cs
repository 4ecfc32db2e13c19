using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Speakers;

// How the hall's registrants, their petitions and the phone requests are stored.
internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> e)
    {
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => new { s.DialogueId, s.Position });
        e.HasOne<Dialogue>().WithMany().HasForeignKey(s => s.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpeakerPetitionConfiguration : IEntityTypeConfiguration<SpeakerPetition>
{
    public void Configure(EntityTypeBuilder<SpeakerPetition> e)
    {
        e.HasKey(x => new { x.SpeakerId, x.PetitionId });
        e.HasOne<Speaker>().WithMany().HasForeignKey(x => x.SpeakerId);
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpeakerRequestConfiguration : IEntityTypeConfiguration<SpeakerRequest>
{
    public void Configure(EntityTypeBuilder<SpeakerRequest> e)
    {
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Property(r => r.Name).HasMaxLength(150);
        e.Property(r => r.VillageOrOrganisation).HasMaxLength(150);
        e.Property(r => r.Topic).HasMaxLength(500);
        e.Property(r => r.Phone).HasMaxLength(20);
        e.Property(r => r.Email).HasMaxLength(254);
        e.HasIndex(r => new { r.DialogueId, r.Status });
        e.HasOne<Dialogue>().WithMany().HasForeignKey(r => r.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}
