using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.PersonalData;

// How citizens' requests about their data are stored.
internal sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> e)
    {
        e.Property(r => r.RequesterName).HasMaxLength(150).IsRequired();
        e.Property(r => r.Details).HasMaxLength(2000);
        e.Property(r => r.Version).IsConcurrencyToken();
    }
}
