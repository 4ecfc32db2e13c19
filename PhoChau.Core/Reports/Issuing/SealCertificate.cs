using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PhoChau.Core.Reports.Issuing;

/// <summary>
/// The agency's certificate for the seal, from a PKCS#12 file and its password or (Windows) the certificate store by
/// thumbprint; every way it can be wrong is said in Vietnamese before anything is signed.
/// </summary>
public static class SealCertificate
{
    public static bool IsConfigured(SigningOptions o) => !string.IsNullOrWhiteSpace(o.SealPfxPath) || !string.IsNullOrWhiteSpace(o.SealThumbprint);

    public static X509Certificate2 Load(SigningOptions o, string dataRoot, DateTimeOffset now)
    {
        X509Certificate2 cert;
        if (!string.IsNullOrWhiteSpace(o.SealPfxPath))
        {
            var path = Path.IsPathRooted(o.SealPfxPath) ? o.SealPfxPath : Path.Combine(dataRoot, o.SealPfxPath);
            if (!File.Exists(path)) throw new DomainException(CoreText.Format("Signing.PfxMissing", path));
            try
            {
                cert = X509CertificateLoader.LoadPkcs12FromFile(path, o.SealPfxPassword ?? "",
                    OperatingSystem.IsWindows() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (CryptographicException e)
            {
                throw new DomainException(CoreText.Get("Signing.PfxPassword"), e);
            }
        }
        else if (!string.IsNullOrWhiteSpace(o.SealThumbprint))
        {
            var location = Enum.TryParse<StoreLocation>(o.SealStoreLocation, true, out var l) ? l : StoreLocation.LocalMachine;
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, o.SealThumbprint.Replace(" ", ""), validOnly: false);
            cert = found.Count > 0 ? found[0] : throw new DomainException(CoreText.Format("Signing.StoreNotFound", o.SealThumbprint));
        }
        else throw new DomainException(CoreText.Get("Signing.SealNotConfigured"));

        if (!cert.HasPrivateKey) throw new DomainException(CoreText.Get("Signing.NoPrivateKey"));
        if (now < cert.NotBefore || now > cert.NotAfter)
            throw new DomainException(CoreText.Format("Signing.CertificateOutOfForce", cert.NotBefore.ToString("dd/MM/yyyy"), cert.NotAfter.ToString("dd/MM/yyyy")));
        return cert;
    }
}
