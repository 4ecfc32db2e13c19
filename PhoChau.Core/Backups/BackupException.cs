using PhoChau.Core.Common;

namespace PhoChau.Core.Backups;

/// <summary>A backup or a restore that could not be done; the message says why, and nothing was changed.</summary>
public sealed class BackupException(string message, Exception? inner = null) : DomainException(message, inner);
