using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Departments;

// How departments, bodies and villages are stored: one name each per commune.
internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.Property(d => d.Name).HasMaxLength(UnitName.MaxLength).IsRequired();
        e.HasIndex(d => new { d.CommuneId, d.Name }).IsUnique();
    }
}

internal sealed class VillageConfiguration : IEntityTypeConfiguration<Village>
{
    public void Configure(EntityTypeBuilder<Village> e)
    {
        e.Property(v => v.Name).HasMaxLength(UnitName.MaxLength).IsRequired();
        e.HasIndex(v => new { v.CommuneId, v.Name }).IsUnique();
    }
}
