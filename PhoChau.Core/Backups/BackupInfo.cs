namespace PhoChau.Core.Backups;

/// <summary>A backup file as the Sao lưu page lists it.</summary>
public sealed record BackupInfo(string FileName, string FullPath, long Bytes, DateTime CreatedAtUtc, BackupReason? Reason);
