using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PhoChau.Tests.Portal.Hosting;

public sealed class HttpsTests
{
    [Fact]
    public async Task A_certificate_given_in_configuration_serves_the_portal_over_https()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-https").FullName;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=phochau.local", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pfx = Path.Combine(dir, "portal.pfx");
        await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "MatKhauChungThu1"));

        await using var portal = await RunningPortal.StartAsync(settings: new Dictionary<string, string>
        {
            ["Kestrel:Certificates:Default:Path"] = pfx, ["Kestrel:Certificates:Default:Password"] = "MatKhauChungThu1",
        }, url: "https://127.0.0.1:0");

        Assert.StartsWith("https://", portal.BaseUrl);
        string? served = null;
        using var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, c, _, _) => { served = c?.Thumbprint; return true; },
        });
        var response = await http.GetAsync(portal.BaseUrl + "/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cert.Thumbprint, served);
    }
}
