using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PhoChau.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The embedded default: one SQLite file. Relative paths are resolved against <paramref name="contentRoot"/>,
    /// and the folder is created, so "Data Source=App_Data/phochau.db" works from any working directory.
    /// </summary>
    public static IServiceCollection AddPhoChauDatabase(this IServiceCollection services, string connectionString, string contentRoot)
    {
        var normalized = NormalizeConnectionString(connectionString, contentRoot);
        services.AddDbContextFactory<PhoChauDbContext>(o => o
            .UseSqlite(normalized)
            .AddInterceptors(new SqliteBusyTimeoutInterceptor()));
        return services;
    }

    public static string NormalizeConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
        {
            if (!Path.IsPathRooted(csb.DataSource))
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            var dir = Path.GetDirectoryName(csb.DataSource);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        return csb.ToString();
    }
}
