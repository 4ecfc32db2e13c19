using PhoChau.Core.Backups;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Portal.Hosting;

/// <summary>The data folder and what lives in it, wired the same way for the web portal and its command-line tools.</summary>
public static class PortalDataServices
{
    public static string AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataRoot = PortalPaths.DataRoot(configuration, contentRoot);
        DataFolderGuard.EnsureWritable(dataRoot);
        services.AddPhoChauDatabase(configuration.GetConnectionString("Default") ?? PersistenceServiceCollectionExtensions.DefaultConnectionString, dataRoot);
        services.Configure<AttachmentOptions>(configuration.GetSection("Attachments"));
        services.Configure<BackupOptions>(configuration.GetSection("Backup"));
        services.AddSingleton(TimeProvider.System);
        return dataRoot;
    }
}
