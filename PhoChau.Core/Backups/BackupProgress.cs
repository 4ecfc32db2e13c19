namespace PhoChau.Core.Backups;

/// <summary>How far a backup has come: the step (a CoreText key) and the share done, 0 to 1.</summary>
public sealed record BackupProgress(string Step, double Fraction);
