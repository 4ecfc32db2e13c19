using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PhoChau.Core.Persistence.Postgres;

/// <summary>
/// The same model on PostgreSQL (a province's server). A context type of its own, so its migrations
/// (Persistence/Migrations/Postgres) live beside SQLite's without mixing: EF Core picks migrations by context type.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options)
    : PhoChauDbContext(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies, shared by every node (a cookie from one node opens the others).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // The model keeps UTC in plain DateTime columns (names end in Utc), as on SQLite: no time-zone conversion,
        // and a value read back is the value written whatever its Kind (Npgsql refuses a UTC Kind for this type).
        builder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<PlainDateTimeConverter>();
    }
}

/// <summary>Writes a DateTime's clock value as it is, whatever its Kind; reads it back as SQLite does (no Kind).</summary>
internal sealed class PlainDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => v);

/// <summary>Services ask for <see cref="PhoChauDbContext"/>; on PostgreSQL they get its own context type.</summary>
internal sealed class PostgresContextFactory(IDbContextFactory<PostgresDbContext> inner) : IDbContextFactory<PhoChauDbContext>
{
    public PhoChauDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PhoChauDbContext> CreateDbContextAsync(CancellationToken ct = default) => await inner.CreateDbContextAsync(ct);
}
