namespace PhoChau.Core.Backups;

/// <summary>
/// manifest.json inside every backup: what made it, the schema it holds, what it counts, and the SHA-256
/// of each part, so a restore can prove the zip is whole before it touches anything.
/// </summary>
public sealed record BackupManifest
{
    public const string FormatName = "phochau-backup";
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;
    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public string PortalVersion { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
    public BackupReason Reason { get; init; }
    /// <summary>The last migration applied to the database in the backup.</summary>
    public string SchemaMigration { get; init; } = "";
    public Dictionary<string, long> Counts { get; init; } = [];
    public List<BackupPart> Parts { get; init; } = [];
    /// <summary>Attachments recorded in the database whose file was missing on disk when the backup was made.</summary>
    public List<string> MissingAttachments { get; init; } = [];
}

/// <summary>One file of a backup: its path inside the zip, its size and SHA-256 (lower-case hex).</summary>
public sealed record BackupPart(string Path, long Bytes, string Sha256);
