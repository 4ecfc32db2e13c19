using PhoChau.Core.PersonalData;
using PhoChau.Core.Persistence.Postgres;
using Microsoft.AspNetCore.DataProtection;
using PhoChau.Core.Backups;
using PhoChau.Core.Petitions;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Messages;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Records;

namespace PhoChau.Portal.Hosting;

/// <summary>The data folder and what lives in it, wired the same way for the web portal and its command-line tools.</summary>
public static class PortalDataServices
{
    public static string AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataRoot = PortalPaths.DataRoot(configuration, contentRoot);
        DataFolderGuard.EnsureWritable(dataRoot);
        switch (Provider(configuration))
        {
            case DatabaseProvider.PostgreSQL:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                    throw new StartupFailureException(
                        "Database:Provider là PostgreSQL nhưng chưa có ConnectionStrings:Postgres (biến môi trường ConnectionStrings__Postgres). / Database:Provider is PostgreSQL but ConnectionStrings:Postgres is not set.");
                services.AddPhoChauPostgres(postgres, dataRoot);
                break;
            default:
                services.AddPhoChauDatabase(configuration.GetConnectionString("Default") ?? PersistenceServiceCollectionExtensions.DefaultConnectionString, dataRoot);
                break;
        }
        AddKeys(services, configuration, dataRoot);
        services.Configure<AttachmentOptions>(configuration.GetSection("Attachments"));
        services.Configure<BackupOptions>(configuration.GetSection("Backup"));
        services.Configure<PersonalDataOptions>(configuration.GetSection("PersonalData"));
        services.Configure<SigningOptions>(configuration.GetSection("Signing"));
        services.Configure<NumberingOptions>(configuration.GetSection("Documents"));
        services.Configure<LawOptions>(configuration.GetSection("Law"));
        services.Configure<MessagesOptions>(configuration.GetSection("Messages"));
        // Citizens' links go to the address their QR codes use, unless Messages:PublicUrl says otherwise.
        services.PostConfigure<MessagesOptions>(o =>
        {
            if (o.PublicUrl.Length == 0) o.PublicUrl = (configuration["Public:BaseUrl"] ?? "").TrimEnd('/');
        });
        services.AddSingleton(TimeProvider.System);
        return dataRoot;
    }

    /// <summary>
    /// Data Protection's keys: they keep sign-in cookies valid across a restart and seal the scans and the backup key,
    /// so the web portal and its command-line tools must read the same ones. In the data folder's keys/ (on Windows
    /// wrapped by DPAPI for this machine, so a copied folder alone does not open them), or in the database that every
    /// node of a province shares.
    /// </summary>
    private static void AddKeys(IServiceCollection services, IConfiguration configuration, string dataRoot)
    {
        var protection = services.AddDataProtection().SetApplicationName("PhoChau.Portal");
        if (Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            // Every node shares the key ring in the database and one master key outside it: the ring is sealed with it,
            // and the receipts' PIN key is derived from it (the same PIN opens on every node).
            var master = LoadMasterKey(configuration, dataRoot);
            services.AddSingleton(master);
            protection.PersistKeysToDbContext<PostgresDbContext>();
            protection.AddKeyManagementOptions(o => o.XmlEncryptor = new MasterKeyXmlEncryptor(master));
            services.AddHostedService<LegacyKeyRingSealer>();
            return;
        }
        protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataRoot, "keys")));
        if (OperatingSystem.IsWindows()) protection.ProtectKeysWithDpapi(protectToLocalMachine: true);
    }

    /// <summary>Keys:MasterKeyFile, required on PostgreSQL: without it the start ends with one line saying how to make one.</summary>
    private static MasterKey LoadMasterKey(IConfiguration configuration, string dataRoot)
    {
        var path = configuration["Keys:MasterKeyFile"];
        if (string.IsNullOrWhiteSpace(path))
            throw new StartupFailureException(
                "Cơ sở dữ liệu PostgreSQL cần một khóa chính dùng chung cho mọi máy chủ, để ngoài cơ sở dữ liệu: tạo bằng " +
                "\"openssl rand -base64 48 > /etc/phochau/master.key && chmod 600 /etc/phochau/master.key\", chép cùng tệp đó lên mọi máy chủ và đặt " +
                "Keys__MasterKeyFile=/etc/phochau/master.key. / PostgreSQL needs a master key shared by every node and kept outside the database: make one " +
                "with the command above, copy the same file to every node and set Keys__MasterKeyFile.");
        var full = Path.IsPathRooted(path) ? path : Path.Combine(dataRoot, path);
        try { return MasterKey.Load(full); }
        catch (DomainException ex) { throw new StartupFailureException(ex.Message + " / Keys:MasterKeyFile: " + full, ex); }
    }

    /// <summary><c>Database:Provider</c>: Sqlite when absent (a commune's laptop needs no configuration), or PostgreSQL.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration) => configuration["Database:Provider"]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSQL,
        _ => throw new StartupFailureException(
            $"Database:Provider \"{configuration["Database:Provider"]}\" không hợp lệ: dùng Sqlite (mặc định) hoặc PostgreSQL. / Database:Provider \"{configuration["Database:Provider"]}\" is not valid: use Sqlite (the default) or PostgreSQL."),
    };
}
