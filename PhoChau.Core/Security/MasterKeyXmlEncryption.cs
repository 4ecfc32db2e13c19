using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace PhoChau.Core.Security;

/// <summary>
/// Seals each key of Data Protection's ring with a key derived from <see cref="MasterKey"/> (AES-256-GCM) before it is
/// written to the database that a province's nodes share: the database alone never holds a key that opens the scans.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKey master) : IXmlEncryptor
{
    public const string Purpose = "data-protection-key-ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var sealedBytes = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(master.Derive(Purpose), tag.Length)) aes.Encrypt(nonce, plain, sealedBytes, tag);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("sealedWithMasterKey",
            new XComment(" Sealed with Keys:MasterKeyFile (AES-256-GCM): this database alone does not open it. "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. sealedBytes, .. tag])));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }

    /// <summary>
    /// Keys written before the master key was configured (in clear in the database) sealed now, in place, as Data
    /// Protection itself seals a new key: each element marked as requiring encryption replaced by an encryptedSecret.
    /// </summary>
    /// <returns>The key's XML sealed, or null when nothing in it was in clear.</returns>
    public string? SealLegacy(string xml)
    {
        XNamespace ns = "http://schemas.asp.net/2015/03/dataProtection";
        var root = XElement.Parse(xml);
        var clear = root.DescendantsAndSelf().Where(e => (string?)e.Attribute(ns + "requiresEncryption") == "true").ToList();
        if (clear.Count == 0) return null;
        foreach (var element in clear)
        {
            var info = Encrypt(new XElement(element));
            element.ReplaceWith(new XElement(ns + "encryptedSecret", new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; Data Protection creates it by its type name, with the services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var master = services.GetService<MasterKey>()
                     ?? throw new CryptographicException("A key of the ring is sealed with Keys:MasterKeyFile, which this node does not have.");
        var all = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (all.Length < 28) throw new CryptographicException("The sealed key is cut short.");
        var plain = new byte[all.Length - 28];
        using (var aes = new AesGcm(master.Derive(MasterKeyXmlEncryptor.Purpose), 16))
            aes.Decrypt(all.AsSpan(0, 12), all.AsSpan(12, plain.Length), all.AsSpan(12 + plain.Length), plain);
        try { return XElement.Parse(Encoding.UTF8.GetString(plain)); }
        finally { CryptographicOperations.ZeroMemory(plain); }
    }
}
