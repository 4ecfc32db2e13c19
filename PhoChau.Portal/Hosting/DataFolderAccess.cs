namespace PhoChau.Portal.Hosting;

/// <summary>
/// The data folder holds citizens' personal data (the database, scans, backups, keys): on Linux it is for the portal's
/// account alone, 0700 for folders and 0600 for files, set at every start. Returns whether anything was more open
/// (the start-up then says so). On Windows the folder keeps the rights of where it is (C:\ProgramData\PhoChau).
/// </summary>
public static class DataFolderAccess
{
    /// <summary>
    /// What the portal creates from now on (the database, its WAL, scans, backups, keys) is its account's alone:
    /// the process's umask becomes 077. Nothing on Windows.
    /// </summary>
    public static void PrivateFilesFromNowOn()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) umask(0b000_111_111);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern uint umask(uint mask);

    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode DataFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static bool Tighten(string root)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(root)) return false;
        var wasOpen = Restrict(root, Folder);
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)) wasOpen |= Restrict(dir, Folder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) wasOpen |= Restrict(file, DataFile);
        return wasOpen;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool Restrict(string path, UnixFileMode wanted)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) == 0) return false;
        File.SetUnixFileMode(path, (mode & ~Others) | wanted);
        return true;
    }
}
