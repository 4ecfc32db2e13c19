using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// The data folder holds citizens' personal data (the database, scans, backups, keys): on Linux it is for the portal's
/// account alone, 0700 for folders and 0600 for files, set at every start; on Windows its access list is SYSTEM,
/// Administrators and the account the portal runs as (the service account), nothing inherited from C:\ProgramData
/// (where every user may read). Returns whether anything was more open (the start-up then says so).
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

    [DllImport("libc", SetLastError = false)]
    private static extern uint umask(uint mask);

    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode DataFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static bool Tighten(string root)
    {
        if (!Directory.Exists(root)) return false;
        if (OperatingSystem.IsWindows()) return TightenWindows(root);
        var wasOpen = Restrict(root, Folder);
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)) wasOpen |= Restrict(dir, Folder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) wasOpen |= Restrict(file, DataFile);
        return wasOpen;
    }

    /// <summary>
    /// Replaces the folder's access list by SYSTEM, Administrators and this process's account, full control, inherited by
    /// everything inside (Windows propagates it to the files already there); returns whether any other account had access.
    /// </summary>
    [SupportedOSPlatform("windows")]
    private static bool TightenWindows(string root)
    {
        var folder = new DirectoryInfo(root);
        var allowed = new HashSet<SecurityIdentifier>
        {
            new(WellKnownSidType.LocalSystemSid, null),
            new(WellKnownSidType.BuiltinAdministratorsSid, null),
        };
        if (WindowsIdentity.GetCurrent().User is { } self) allowed.Add(self);
        var current = folder.GetAccessControl(AccessControlSections.Access);
        var open = !current.AreAccessRulesProtected || current.GetAccessRules(true, true, typeof(SecurityIdentifier))
            .OfType<FileSystemAccessRule>()
            .Any(r => r.AccessControlType == AccessControlType.Allow
                      && !allowed.Contains((SecurityIdentifier)r.IdentityReference));
        if (!open) return false;
        var only = new DirectorySecurity();
        only.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        foreach (var sid in allowed)
            only.AddAccessRule(new FileSystemAccessRule(sid, FileSystemRights.FullControl,
                InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit,
                PropagationFlags.None, AccessControlType.Allow));
        folder.SetAccessControl(only);
        return true;
    }

    [UnsupportedOSPlatform("windows")]
    private static bool Restrict(string path, UnixFileMode wanted)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) == 0) return false;
        File.SetUnixFileMode(path, (mode & ~Others) | wanted);
        return true;
    }
}
