using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PhoChau.Tests.Support;

/// <summary>
/// A small RFC 3161 time-stamp authority on a loopback port, as a province's TSA would answer: it signs a TSTInfo
/// (the request's hash, its nonce, the time) with a time-stamping certificate. Requests are counted.
/// </summary>
public sealed class TestTimestampServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _cert;
    private long _serial;
    public int Requests { get; private set; }
    public Uri Url { get; private set; } = null!;

    private TestTimestampServer(WebApplication app, X509Certificate2 cert) => (_app, _cert) = (app, cert);

    public static async Task<TestTimestampServer> StartAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TSA thu nghiem, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(5));
        var cert = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx, "t"), "t");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TestTimestampServer(app, cert);
        app.MapPost("/tsa", async (HttpContext http) =>
        {
            server.Requests++;
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            if (!Rfc3161TimestampRequest.TryDecode(body.ToArray(), out var req, out _)) return Results.BadRequest();
            return Results.Bytes(server.Answer(req), "application/timestamp-reply");
        });
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/tsa");
        return server;
    }

    private byte[] Answer(Rfc3161TimestampRequest req)
    {
        var info = new AsnWriter(AsnEncodingRules.DER);
        using (info.PushSequence())
        {
            info.WriteInteger(1);
            info.WriteObjectIdentifier("1.2.3.4.1"); // a test policy
            using (info.PushSequence())
            {
                using (info.PushSequence()) info.WriteObjectIdentifier(req.HashAlgorithmId.Value!);
                info.WriteOctetString(req.GetMessageHash().Span);
            }
            info.WriteInteger(++_serial);
            info.WriteGeneralizedTime(DateTimeOffset.UtcNow, omitFractionalSeconds: true);
            if (req.GetNonce() is { } nonce) info.WriteInteger(new BigInteger(nonce.Span, isUnsigned: false, isBigEndian: true));
        }
        var cms = new SignedCms(new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode()), detached: false);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _cert) { DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), IncludeOption = X509IncludeOption.EndCertOnly };
        var ess = new AsnWriter(AsnEncodingRules.DER);
        using (ess.PushSequence())
        using (ess.PushSequence())
        using (ess.PushSequence())
            ess.WriteOctetString(SHA256.HashData(_cert.RawData));
        signer.SignedAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.16.2.47", ess.Encode()));
        cms.ComputeSignature(signer);
        var reply = new AsnWriter(AsnEncodingRules.DER);
        using (reply.PushSequence())
        {
            using (reply.PushSequence()) reply.WriteInteger(0); // granted
            reply.WriteEncodedValue(cms.Encode());
        }
        return reply.Encode();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _cert.Dispose();
    }
}
