using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PhoChau.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the portal.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PhoChauDbContext>
{
    public PhoChauDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite("Data Source=design.db").Options);
}
