using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Monitoring;

/// <summary>
/// The one row /healthz writes to prove the database takes a committed write. A table the migrations make, so a backup
/// of a probed portal holds nothing the restore's schema check does not expect (versions up to 0.30 created a table of
/// their own at run time, and every backup they made was refused as altered).
/// </summary>
public class HealthProbe
{
    public int Id { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class HealthProbeConfiguration : IEntityTypeConfiguration<HealthProbe>
{
    public void Configure(EntityTypeBuilder<HealthProbe> e)
    {
        e.ToTable("HealthProbes");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
    }
}
