using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace PhoChau.Core.Backups;

/// <summary>
/// The key every backup is encrypted with, derived from the passphrase the administrator sets (PBKDF2-SHA256,
/// 600,000 rounds, a random salt). The passphrase itself is never kept: the derived key is kept in the data folder's
/// keys/, wrapped by ASP.NET Core Data Protection, so the daily backup runs unattended while a backup on a USB stick
/// opens only with the passphrase. Each archive carries its salt, so any portal given the passphrase can restore it.
/// </summary>
public sealed class BackupKey(DataFolder data, IDataProtectionProvider protection)
{
    public const string KeyFile = "backup-key.json";
    public const int MinLength = 10;
    public const int Rounds = 600_000;

    private IDataProtector Protector => protection.CreateProtector("PhoChau.Backups.Key.v1");
    private string StoredPath => Path.Combine(data.KeysFolder, KeyFile);

    public bool IsSet => File.Exists(StoredPath);

    /// <summary>When the passphrase was set (the backup page shows it), or null.</summary>
    public DateTime? SetAtUtc => Read()?.SetAtUtc;

    /// <summary>Sets (or replaces) the passphrase; backups made before keep needing the passphrase they were made with.</summary>
    public void SetPassphrase(string passphrase, DateTime nowUtc)
    {
        Check(passphrase);
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Derive(passphrase, salt, Rounds);
        var stored = new Stored(Convert.ToBase64String(salt), Rounds, Convert.ToBase64String(Protector.Protect(key)), nowUtc);
        Directory.CreateDirectory(data.KeysFolder);
        var temp = StoredPath + ".new";
        File.WriteAllText(temp, JsonSerializer.Serialize(stored));
        File.Move(temp, StoredPath, overwrite: true);
    }

    /// <summary>A passphrase too short to resist guessing is refused with the reason.</summary>
    public static void Check(string? passphrase)
    {
        if (string.IsNullOrWhiteSpace(passphrase) || passphrase.Trim().Length < MinLength)
            throw new BackupException("Backup.PassphraseTooShort", [MinLength]);
    }

    /// <summary>The key and its salt, or a <see cref="BackupException"/> when no passphrase has been set.</summary>
    internal (byte[] Key, byte[] Salt, int Rounds) Current()
    {
        var stored = Read() ?? throw new BackupException("Backup.NoPassphrase");
        try
        {
            return (Protector.Unprotect(Convert.FromBase64String(stored.ProtectedKey)), Convert.FromBase64String(stored.Salt), stored.Rounds);
        }
        catch (CryptographicException ex)
        {
            // The data-protection keys that wrap it are gone (a data folder copied without keys/): set it again.
            throw new BackupException("Backup.NoPassphrase", ex);
        }
    }

    public static byte[] Derive(string passphrase, byte[] salt, int rounds) =>
        Rfc2898DeriveBytes.Pbkdf2(passphrase.Trim(), salt, rounds, HashAlgorithmName.SHA256, 32);

    private Stored? Read()
    {
        if (!File.Exists(StoredPath)) return null;
        try { return JsonSerializer.Deserialize<Stored>(File.ReadAllText(StoredPath)); }
        catch (JsonException) { return null; }
    }

    private sealed record Stored(string Salt, int Rounds, string ProtectedKey, DateTime SetAtUtc);
}
