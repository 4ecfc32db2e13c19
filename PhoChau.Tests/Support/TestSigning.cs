using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PhoChau.Tests.Support;

/// <summary>Test certificates (self-signed, as a token's or a seal's would be issued) and the images of Appendix I.</summary>
public static class TestSigning
{
    /// <summary>
    /// The tests' root certification authority, standing in for the Government CA root (Ban Cơ yếu Chính phủ): every test
    /// host puts it on its trust list (<see cref="Trust"/>), and <see cref="Certificate"/> issues under it.
    /// </summary>
    public static X509Certificate2 Root => RootCa.Value;

    public const string RootName = "Test Root CA Pho Chau";

    private static readonly Lazy<X509Certificate2> RootCa = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={RootName}, O=Tests, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx, "t"), "t", X509KeyStorageFlags.Exportable);
    });

    /// <summary>Puts the test root on the trust list of the portal whose data folder is <paramref name="dataRoot"/>.</summary>
    public static void Trust(string dataRoot)
    {
        var folder = Path.Combine(dataRoot, "trust");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "test-root.cer"), Root.RawData);
    }

    /// <summary>A signer's certificate issued by the tests' root, as a token's or a seal's is issued by a CA.</summary>
    public static X509Certificate2 Certificate(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var rsa = RSA.Create(2048);
        var request = Request(name, rsa);
        using var cert = request.Create(Root, notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(2),
            RandomNumberGenerator.GetBytes(12));
        // Through PKCS#12, as a certificate file is loaded: the key is then usable on every platform.
        using var withKey = cert.CopyWithPrivateKey(rsa);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx, "t"), "t", X509KeyStorageFlags.Exportable);
    }

    /// <summary>A certificate anyone can make, with any name: what a forger signs with.</summary>
    public static X509Certificate2 SelfSigned(string subject, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var cert = request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(2));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx, "t"), "t", X509KeyStorageFlags.Exportable);
    }

    private static CertificateRequest Request(string name, RSA rsa)
    {
        var request = new CertificateRequest($"CN={name}, O=UBND xa Pho Chau, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        return request;
    }

    /// <summary>A .pfx file with its password, as an administrator configures the seal's certificate.</summary>
    public static string PfxFile(string folder, X509Certificate2 cert, string password)
    {
        var path = Path.Combine(folder, "con-dau-" + Guid.NewGuid().ToString("N")[..6] + ".pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, password));
        return path;
    }

    /// <summary>A red ring on a transparent ground (the seal), or a blue stroke (the handwritten signature).</summary>
    public static byte[] SealPng(int size = 120) => Png(size, size, (x, y) =>
    {
        var r = Math.Sqrt(Math.Pow(x - size / 2.0, 2) + Math.Pow(y - size / 2.0, 2));
        return r < size / 2.0 - 1 && r > size / 2.0 - 12 || r < size / 6.0 ? Red : Clear;
    });

    public static byte[] SignaturePng(int width = 180, int height = 70) => Png(width, height, (x, y) =>
        Math.Abs(y - (height / 2.0 + Math.Sin(x / 12.0) * height / 4)) < 4 ? Blue : Clear);

    private static readonly (byte, byte, byte, byte) Red = (220, 20, 20, 255), Blue = (20, 40, 200, 255), Clear = (0, 0, 0, 0);

    /// <param name="withAlpha">RGBA (colour type 6); false: RGB (colour type 2), the pixel's alpha left out.</param>
    public static byte[] Png(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel, bool withAlpha = true)
    {
        var channels = withAlpha ? 4 : 3;
        var raw = new byte[(width * channels + 1) * height];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var (r, g, b, a) = pixel(x, y);
            var i = y * (width * channels + 1) + 1 + x * channels;
            raw[i] = r; raw[i + 1] = g; raw[i + 2] = b;
            if (withAlpha) raw[i + 3] = a;
        }
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Fastest, true)) z.Write(raw);
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = (byte)(withAlpha ? 6 : 2);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", packed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(head, 4);
        s.Write(head);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. head[4..], .. data]));
        s.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }
}
