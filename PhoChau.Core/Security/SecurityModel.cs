using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Departments;

namespace PhoChau.Core.Security;

// How accounts are stored (beside Identity's own tables).
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.FullName).HasMaxLength(100);
        e.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
