using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PhoChau.Core.Petitions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PhoChau.Core.Persistence.Postgres;

namespace PhoChau.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=phochau.db";

    /// <summary>
    /// The embedded default: one SQLite file in the data folder. Relative paths (the database's and the
    /// attachments') are resolved against <paramref name="dataRoot"/>, and the folders are created, so the
    /// portal works from any working directory.
    /// </summary>
    public static IServiceCollection AddPhoChauDatabase(this IServiceCollection services, string connectionString, string dataRoot)
    {
        var normalized = NormalizeConnectionString(connectionString, dataRoot);
        var csb = new SqliteConnectionStringBuilder(normalized);
        services.AddSingleton(new DataFolder(dataRoot, csb.DataSource));
        services.AddSingleton(new DatabaseInfo(DatabaseProvider.Sqlite));
        // Interceptors registered in the container join the busy timeout (a test registers one that makes writes fail).
        services.AddDbContextFactory<PhoChauDbContext>((sp, o) => o
            .UseSqlite(normalized)
            .AddInterceptors(new SqliteBusyTimeoutInterceptor())
            .AddInterceptors(sp.GetServices<IInterceptor>())
            .UseHeadStartModel(sp));
        services.PostConfigure<AttachmentOptions>(o => o.Root = Path.GetFullPath(Path.Combine(dataRoot, o.Root)));
        return services;
    }

    /// <summary>
    /// A province's PostgreSQL server: the same services over <see cref="Postgres.PostgresDbContext"/> and its own
    /// migrations. The data folder still holds attachments and keys.
    /// </summary>
    public static IServiceCollection AddPhoChauPostgres(this IServiceCollection services, string connectionString, string dataRoot)
    {
        services.AddSingleton(new DataFolder(dataRoot, ""));
        services.AddSingleton(new DatabaseInfo(DatabaseProvider.PostgreSQL));
        services.AddDbContextFactory<PostgresDbContext>((sp, o) => o
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>())
            .UseHeadStartModel(sp));
        services.AddSingleton<IDbContextFactory<PhoChauDbContext>, PostgresContextFactory>();
        // Identity's stores take the context from the scope.
        services.AddScoped<PhoChauDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContext());
        services.PostConfigure<AttachmentOptions>(o => o.Root = Path.GetFullPath(Path.Combine(dataRoot, o.Root)));
        return services;
    }

    /// <summary>The cache the model begun at process start lands in (<see cref="ModelHeadStart"/>), when the host began one.</summary>
    private static DbContextOptionsBuilder UseHeadStartModel(this DbContextOptionsBuilder o, IServiceProvider sp) =>
        sp.GetService<ModelHeadStart>() is { } headStart ? o.UseMemoryCache(headStart.Cache) : o;

    public static string NormalizeConnectionString(string connectionString, string dataRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
        {
            if (!Path.IsPathRooted(csb.DataSource))
                csb.DataSource = Path.GetFullPath(Path.Combine(dataRoot, csb.DataSource));
            var dir = Path.GetDirectoryName(csb.DataSource);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        return csb.ToString();
    }
}
