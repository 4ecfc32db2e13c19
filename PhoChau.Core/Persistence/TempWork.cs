// The class has a Path of its own.
using IOPath = System.IO.Path;

namespace PhoChau.Core.Persistence;

/// <summary>
/// A private work folder under Data:Root/tmp for one backup or restore: the decrypted database, the opened archive and
/// the staged scans live here and nowhere else. Deleted when disposed; a process killed midway leaves it locked by
/// nothing (the lock is an exclusive open the operating system drops with the process), so the next start, command or
/// backup removes it (<see cref="CleanAbandoned"/>) while leaving any work another live process is doing.
/// </summary>
public sealed class TempWork : IDisposable
{
    private const string Prefix = "work-";
    private readonly FileStream _lock;

    private TempWork(string path, FileStream held)
    {
        Path = path;
        _lock = held;
    }

    public string Path { get; }

    public static TempWork Create(DataFolder data)
    {
        Directory.CreateDirectory(data.TempFolder);
        var id = Guid.NewGuid().ToString("N");
        var folder = IOPath.Combine(data.TempFolder, Prefix + id);
        var held = new FileStream(folder + ".lock", FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        Directory.CreateDirectory(folder);
        return new TempWork(folder, held);
    }

    /// <summary>Removes the work folders whose process is gone (their lock file opens), and the files an earlier version left.</summary>
    /// <param name="holdsDataFolder">True for the portal's start and a restore (nobody else works in the folder then):
    /// loose files from versions before work folders (snapshot-*.db, opened-*.zip, restore-*) are removed too.</param>
    /// <returns>How many were removed.</returns>
    public static int CleanAbandoned(DataFolder data, bool holdsDataFolder)
    {
        if (!Directory.Exists(data.TempFolder)) return 0;
        var removed = 0;
        foreach (var lockFile in Directory.EnumerateFiles(data.TempFolder, Prefix + "*.lock"))
        {
            try
            {
                using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
            }
            catch (IOException) { continue; } // a live backup or restore holds it
            catch (UnauthorizedAccessException) { continue; }
            var folder = lockFile[..^".lock".Length];
            if (TryDelete(folder)) removed++;
            TryDelete(lockFile);
        }
        // A lock file's folder is made after it: a folder without one is a kill between the two, or an earlier version's.
        foreach (var folder in Directory.EnumerateDirectories(data.TempFolder, Prefix + "*"))
            if (!File.Exists(folder + ".lock") && TryDelete(folder)) removed++;
        if (holdsDataFolder)
            foreach (var pattern in new[] { "snapshot-*.db", "opened-*.zip", "restore-*" })
                foreach (var leftover in Directory.EnumerateFileSystemEntries(data.TempFolder, pattern))
                    if (TryDelete(leftover)) removed++;
        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
            else return false;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    public void Dispose()
    {
        TryDelete(Path);
        _lock.Dispose();
        TryDelete(Path + ".lock");
    }
}
