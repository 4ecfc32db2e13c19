namespace PhoChau.Core.Backups;

/// <summary>Where and when backups are made (section "Backup").</summary>
public sealed class BackupOptions
{
    /// <summary>A folder of its own (a USB stick); empty means the data folder's backups/.</summary>
    public string? Folder { get; set; }

    /// <summary>How many backups the folder keeps; older ones are deleted after a new one is written.</summary>
    public int Keep { get; set; } = 30;

    /// <summary>The hour (Vietnam time, 0–23) of the daily backup; a laptop that was off then backs up when it starts.</summary>
    public int Hour { get; set; } = 12;

    /// <summary>Daily backups on or off (tests turn them off).</summary>
    public bool Daily { get; set; } = true;
}
