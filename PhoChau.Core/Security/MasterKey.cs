using System.Security.Cryptography;
using System.Text;

namespace PhoChau.Core.Security;

/// <summary>
/// A province's one secret outside the database (Keys:MasterKeyFile, the same file on every node): the receipts' PIN
/// and link key and the key that seals Data Protection's key ring in the database are derived from it, so every node
/// checks a PIN alike and a dump of the database alone opens no scan. The file holds at least 32 random bytes (raw, or
/// base64 text as <c>openssl rand -base64 48</c> writes it).
/// </summary>
public sealed class MasterKey
{
    private readonly byte[] _secret;

    private MasterKey(byte[] secret) => _secret = secret;

    public string Source { get; private init; } = "";

    public static MasterKey Load(string path)
    {
        if (!File.Exists(path)) throw new DomainException(CoreText.Format("Keys.MasterKeyMissing", path));
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.ASCII.GetString(bytes).Trim();
        byte[] secret;
        try { secret = text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '\n' or '\r') ? Convert.FromBase64String(text) : bytes; }
        catch (FormatException) { secret = bytes; }
        if (secret.Length < 32) throw new DomainException(CoreText.Format("Keys.MasterKeyShort", path));
        return new MasterKey(secret) { Source = path };
    }

    /// <summary>A 32-byte key for one purpose ("tracking-pin", "data-protection"), the same on every node (HKDF-SHA256).</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, salt: Encoding.UTF8.GetBytes("PhoChau.MasterKey.v1"), info: Encoding.UTF8.GetBytes(purpose));
}
