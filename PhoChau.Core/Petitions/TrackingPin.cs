using System.Security.Cryptography;
using System.Text;
using System.Globalization;

namespace PhoChau.Core.Petitions;

/// <summary>
/// The 6-digit PIN a citizen gets on a petition's receipt. Only a keyed hash is stored (HMAC-SHA256 with a secret
/// kept in the data folder, beside the database but not in it): a copy of the database alone does not give the
/// PINs away. The secret is backed up and restored with the data, so receipts stay valid after a restore.
/// On a province's nodes it is derived from the master key they share (Keys:MasterKeyFile), so a PIN or a link works on
/// every node; a PIN a node hashed with its own file before that still opens on that node.
/// </summary>
public sealed class TrackingPin(DataFolder data, MasterKey? master = null)
{
    public const string KeyFile = "tracking-pin.key";
    private readonly Lazy<byte[]> _key = new(() => master?.Derive("tracking-pin") ?? LoadOrCreate(Path.Combine(data.KeysFolder, KeyFile)));
    private readonly Lazy<byte[]?> _legacy = new(() =>
        master is not null && File.Exists(Path.Combine(data.KeysFolder, KeyFile)) ? File.ReadAllBytes(Path.Combine(data.KeysFolder, KeyFile)) : null);

    public static string NewPin() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The stored form, bound to the petition (dialogue and code), so one PIN on two petitions hashes differently.</summary>
    public string Hash(int dialogueId, string code, string pin) => HashWith(_key.Value, dialogueId, code, pin);

    private static string HashWith(byte[] key, int dialogueId, string code, string pin) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{dialogueId}:{code}:{pin}")));

    public bool Verify(int dialogueId, string code, string pin, string? storedHash)
    {
        if (storedHash is null || pin.Length != 6 || !pin.All(char.IsAsciiDigit)) return false;
        var stored = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(dialogueId, code, pin)), stored)
               || _legacy.Value is { } legacy && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashWith(legacy, dialogueId, code, pin)), stored);
    }

    /// <summary>Gives the petition a new PIN (the old one stops working) and returns it; only its hash is kept.</summary>
    public string Issue(Petition petition, DateTime nowUtc)
    {
        var pin = NewPin();
        petition.PinHash = Hash(petition.DialogueId, petition.Code, pin);
        petition.PinIssuedAtUtc = nowUtc;
        petition.PinFailures = 0; // a new PIN opens a code locked by guessing
        petition.PinLockedAtUtc = null;
        petition.IssuedPin = pin;
        return pin;
    }

    /// <summary>
    /// A short token for a link that acts on one petition without its PIN (rate its reply, stop its messages):
    /// 16 characters of the keyed hash of the purpose and the petition, so a link works for that petition only.
    /// </summary>
    public string LinkToken(string purpose, int petitionId) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"link:{purpose}:{petitionId}")))[..16]
            .Replace('+', '-').Replace('/', '_');

    public bool VerifyLink(string purpose, int petitionId, string? token) =>
        token is { Length: 16 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(LinkToken(purpose, petitionId)), Encoding.ASCII.GetBytes(token));

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            file.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllBytes(path); // another process made it first
        }
    }
}

/// <summary>What a citizen's one-tap link in a message does (a <see cref="TrackingPin.LinkToken"/> is for one purpose only).</summary>
public static class CitizenLinks
{
    /// <summary>Rate the written reply (/danh-gia/…).</summary>
    public const string Rate = "rate";
    /// <summary>Stop the messages about the petition (/tin-nhan/dung/…).</summary>
    public const string Stop = "stop";
    /// <summary>Follow one's own request to speak on the live page (/truc-tiep/…?ban=…).</summary>
    public const string Live = "live";
}
