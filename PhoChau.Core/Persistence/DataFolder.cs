namespace PhoChau.Core.Persistence;

/// <summary>
/// The one folder a portal's data lives in (Data:Root): the database, attachments, keys and backups.
/// Upgrading replaces the program folder; this folder stays.
/// </summary>
public sealed class DataFolder(string root, string databasePath)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The SQLite file (its -wal and -shm companions sit beside it).</summary>
    public string DatabasePath { get; } = databasePath;

    public string KeysFolder => Path.Combine(Root, "keys");

    public string DefaultBackupFolder => Path.Combine(Root, "backups");

    /// <summary>Work files of a backup or a restore: on the data's own disk, never on a USB stick.</summary>
    public string TempFolder => Path.Combine(Root, "tmp");

    public string LockPath => Path.Combine(Root, "portal.lock");
}
