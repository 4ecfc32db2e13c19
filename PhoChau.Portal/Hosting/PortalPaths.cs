namespace PhoChau.Portal.Hosting;

/// <summary>
/// Where the program's files and the data live, whatever the working directory (a service manager starts the
/// portal from / or C:\Windows\System32). A checkout keeps its data in PhoChau.Portal/App_Data; an installed
/// release keeps it outside the program folder, so replacing that folder upgrades the portal and keeps the data.
/// </summary>
public static class PortalPaths
{
    public const string ProjectFile = "PhoChau.Portal.csproj";

    /// <summary>The project folder when this build runs from a source checkout (dotnet run, bin/Debug), else null.</summary>
    public static string? CheckoutProjectFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 5 && dir is not null; i++, dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile))) return dir.FullName;
        return null;
    }

    /// <summary>appsettings.json and wwwroot are found beside the program, not in the working directory.</summary>
    public static string DefaultContentRoot() => CheckoutProjectFolder() ?? AppContext.BaseDirectory;

    /// <summary>True when the arguments or the environment already choose the content root (tests, a custom install).</summary>
    public static bool ContentRootGiven(IEnumerable<string> args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));

    /// <summary>
    /// Data:Root when configured (relative to the content root), else App_Data in a checkout, else the platform's
    /// place for a service's data: %ProgramData%\PhoChau on Windows; on Linux the systemd StateDirectory, or
    /// /var/lib/phochau for root, or ~/.local/share/phochau for an ordinary user.
    /// </summary>
    public static string DataRoot(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Data:Root"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(contentRoot, configured));
        if (CheckoutProjectFolder() is { } project) return Path.Combine(project, "App_Data");
        return InstalledDataRoot();
    }

    public static string InstalledDataRoot()
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "PhoChau");
        var state = Environment.GetEnvironmentVariable("STATE_DIRECTORY");
        if (!string.IsNullOrEmpty(state)) return state.Split(':')[0];
        if (Environment.UserName == "root") return "/var/lib/phochau";
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var home = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg;
        return Path.Combine(home, "phochau");
    }
}
