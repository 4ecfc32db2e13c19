using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.Citizens;

// How citizens' satisfaction ratings are stored: one a petition.
internal sealed class PetitionRatingConfiguration : IEntityTypeConfiguration<PetitionRating>
{
    public void Configure(EntityTypeBuilder<PetitionRating> e)
    {
        e.Property(r => r.Comment).HasMaxLength(1000);
        e.HasIndex(r => r.PetitionId).IsUnique(); // once a petition
        e.HasOne<Petition>().WithMany().HasForeignKey(r => r.PetitionId).OnDelete(DeleteBehavior.Restrict);
    }
}
