using System.Text;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Held by a running portal for its whole life: a restore, or a second portal, on the same data folder is
/// refused while it is held. An exclusive open is a lock the operating system drops when the process dies
/// (on Linux .NET takes an advisory flock for FileShare.None), so a killed portal leaves no stale lock.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <returns>The lock, or null when another process (or this one) already holds it.</returns>
    public static DataFolderLock? TryAcquire(DataFolder folder)
    {
        Directory.CreateDirectory(folder.Root);
        try
        {
            var file = new FileStream(folder.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            var line = Encoding.UTF8.GetBytes($"{Environment.ProcessId} {DateTime.UtcNow:O}\n");
            file.Write(line);
            file.Flush();
            return new DataFolderLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
