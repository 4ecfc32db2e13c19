namespace PhoChau.Core.Backups;

/// <summary>When the last backup failed and why (shown until a backup succeeds).</summary>
public sealed record BackupFailure(DateTime AtUtc, string Message);
