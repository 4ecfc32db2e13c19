using Microsoft.EntityFrameworkCore.Design;
using PhoChau.Core.Persistence.Postgres;

namespace PhoChau.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the portal.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PhoChauDbContext>
{
    public PhoChauDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>The PostgreSQL migrations: `dotnet ef migrations add NAME --context PostgresDbContext -o Persistence/Migrations/Postgres`.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=phochau_design").Options);
}
