namespace PhoChau.Core.Backups;

/// <summary>
/// The daily backup: due when no backup has been made since the last time the clock passed the hour
/// (Vietnam time). A laptop that was off at that hour backs up as soon as the portal runs again.
/// </summary>
public static class BackupSchedule
{
    /// <param name="sinceUtc">
    /// When the portal was first set up (issue 33.8): with no backup yet, the first is due at the first backup hour
    /// after it, not at once on the very first start.
    /// </param>
    public static bool IsDue(DateTime nowUtc, DateTime? lastBackupUtc, int hour, DateTime? sinceUtc = null)
    {
        lastBackupUtc ??= sinceUtc;
        var nowLocal = nowUtc.Add(VietnamTime.Offset);
        var scheduledLocal = nowLocal.Date.AddHours(Math.Clamp(hour, 0, 23));
        if (nowLocal < scheduledLocal) scheduledLocal = scheduledLocal.AddDays(-1);
        var scheduledUtc = scheduledLocal - VietnamTime.Offset;
        return lastBackupUtc is null || lastBackupUtc.Value < scheduledUtc;
    }

    /// <summary>The dashboard warns when the newest backup is older than this, or there is none.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);

    /// <summary>Stale when the newest backup, or with none the portal's setting up, is older than two days.</summary>
    public static bool IsStale(DateTime nowUtc, DateTime? lastBackupUtc, DateTime? sinceUtc = null) =>
        (lastBackupUtc ?? sinceUtc) is not { } from || nowUtc - from > StaleAfter;
}
