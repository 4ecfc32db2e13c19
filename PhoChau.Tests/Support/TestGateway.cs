using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace PhoChau.Tests.Support;

/// <summary>One request a <see cref="TestGateway"/> received.</summary>
public sealed record GatewayRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the gateway answers: a status, a body, after a delay (a timeout is a long delay).</summary>
public sealed record GatewayAnswer(int Status, string Body, TimeSpan Delay = default);

/// <summary>
/// A local HTTP server that answers as the test tells it (an SMS brandname gateway, the Zalo ZNS API and its OAuth
/// endpoint): every request is kept; <see cref="Respond"/> chooses the answer from the request.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<GatewayRequest> Requests { get; } = new();
    public Func<GatewayRequest, GatewayAnswer> Respond { get; set; } = _ => new GatewayAnswer(200, "{\"CodeResult\":\"100\",\"SMSID\":\"abc\"}");
    public string Url { get; private set; } = "";

    private TestGateway(WebApplication app) => _app = app;

    public static async Task<TestGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gateway = new TestGateway(app);
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var request = new GatewayRequest(http.Request.Method, http.Request.Path, http.Request.QueryString.Value ?? "", await reader.ReadToEndAsync(),
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            gateway.Requests.Enqueue(request);
            var answer = gateway.Respond(request);
            if (answer.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(answer.Delay, http.RequestAborted); } catch (OperationCanceledException) { return; }
            }
            http.Response.StatusCode = answer.Status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        gateway.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
