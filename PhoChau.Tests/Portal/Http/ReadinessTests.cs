using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhoChau.Tests.Portal.Http;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_fails_with_the_reason_while_writes_fail_and_recovers_after_while_liveness_stays_200()
    {
        var faults = new WriteFaults();
        await using var portal = await RunningPortal.StartAsync(configure: b => b.Services.AddSingleton<IInterceptor>(faults));
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        faults.Enabled = true;
        var failing = await WaitForAsync(http, HttpStatusCode.ServiceUnavailable);
        var body = await failing.Content.ReadAsStringAsync();
        Assert.Contains("writes", body);
        Assert.Contains("DiskFull", body);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);

        faults.Enabled = false;
        await WaitForAsync(http, HttpStatusCode.OK);
    }

    /// <summary>The probe is cached a few seconds: poll until readiness says what is expected.</summary>
    private static async Task<HttpResponseMessage> WaitForAsync(HttpClient http, HttpStatusCode expected)
    {
        for (var i = 0; i < 40; i++)
        {
            var response = await http.GetAsync("/healthz");
            if (response.StatusCode == expected) return response;
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"/healthz never answered {expected}");
    }
}
