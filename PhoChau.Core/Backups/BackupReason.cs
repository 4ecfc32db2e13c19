namespace PhoChau.Core.Backups;

/// <summary>Why a backup was made; part of its file name so a clerk can tell them apart.</summary>
public enum BackupReason
{
    Manual,
    Daily,
    BeforeMigration,
    BeforeRestore,
    CommandLine,
}
