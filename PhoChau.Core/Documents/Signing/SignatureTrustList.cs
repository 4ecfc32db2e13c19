using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace PhoChau.Core.Documents.Signing;

/// <summary>
/// The root certificates a signature must chain to, kept by the administrator as files in <c>Data:Root/trust</c>
/// (.cer, .crt, .der or .pem: e.g. the Government CA roots Ban Cơ yếu Chính phủ publishes). Read again whenever the
/// folder's files change, so adding a root needs no restart. An empty or missing folder trusts nothing.
/// </summary>
public sealed class SignatureTrustList(DataFolder data, ILogger<SignatureTrustList> log)
{
    public const string FolderName = "trust";
    private static readonly string[] Extensions = [".cer", ".crt", ".der", ".pem"];
    private readonly Lock _gate = new();
    private (string Stamp, X509Certificate2Collection Roots)? _cached;

    public string Folder => Path.Combine(data.Root, FolderName);

    public X509Certificate2Collection Roots()
    {
        var files = Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList()
            : [];
        var stamp = string.Join('|', files.Select(f => $"{f}:{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}"));
        lock (_gate)
        {
            if (_cached is { } c && c.Stamp == stamp) return c.Roots;
            var roots = new X509Certificate2Collection();
            foreach (var file in files)
            {
                try
                {
                    if (File.ReadAllText(file).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) roots.ImportFromPemFile(file);
                    else roots.Add(X509CertificateLoader.LoadCertificateFromFile(file));
                }
                catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
                {
                    log.LogWarning("Trust list: {File} is not a certificate and is left out ({Reason})", file, ex.Message);
                }
            }
            _cached = (stamp, roots);
            return roots;
        }
    }
}
