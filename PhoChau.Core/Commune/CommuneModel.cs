using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Commune;

// How a commune's profile is stored (its filter, by the current commune, is the context's).
internal sealed class CommuneProfileConfiguration : IEntityTypeConfiguration<CommuneProfile>
{
    public void Configure(EntityTypeBuilder<CommuneProfile> e)
    {
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Code).HasMaxLength(20);
        e.HasIndex(p => p.Code).IsUnique();
    }
}
