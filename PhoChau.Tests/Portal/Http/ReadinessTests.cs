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

    [Fact]
    public async Task While_start_up_prepares_the_database_the_portal_listens_healthz_says_starting_and_pages_wait_for_it()
    {
        var hold = new HeldConnections();
        var dir = Directory.CreateTempSubdirectory("phochau-starting").FullName;
        var app = PhoChau.Portal.PortalApp.Build(
            ["--urls", "http://127.0.0.1:0", "--environment", "Testing", "--contentRoot", dir, "--Data:Root", dir, "--Backup:Daily", "false",
             "--ConnectionStrings:Default", $"Data Source={Path.Combine(dir, "portal.db")}", "--Seed:AdminPassword", PortalFactory.AdminPassword],
            b => b.Services.AddSingleton<IInterceptor>(hold));
        try
        {
            var starting = app.StartAsync();
            // The server listens while the database is still being prepared (its connections are held here).
            var address = await ListeningAddressAsync(app);
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var health = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("Đang khởi động", await health.Content.ReadAsStringAsync());
            Assert.Equal("1", health.Headers.RetryAfter?.ToString());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);

            var page = http.GetAsync("/account/login");
            await Task.Delay(500);
            Assert.False(page.IsCompleted, "a page was served before the database was ready");
            Assert.False(starting.IsCompleted, "the host's start ended before the database was ready");

            hold.Release();
            await starting.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, (await page.WaitAsync(TimeSpan.FromSeconds(30))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            hold.Release();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<string> ListeningAddressAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var server = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        for (var i = 0; i < 600; i++)
        {
            var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
            if (addresses?.FirstOrDefault(a => !a.EndsWith(":0")) is { } address) return address;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("the portal never listened while its database was being prepared");
    }

    /// <summary>Holds every database connection as it opens, until released: start-up's data work stays under way meanwhile.</summary>
    private sealed class HeldConnections : DbConnectionInterceptor
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Release() => _released.TrySetResult();

        public override InterceptionResult ConnectionOpening(System.Data.Common.DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            _released.Task.Wait();
            return result;
        }

        public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(System.Data.Common.DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken ct = default)
        {
            await _released.Task;
            return result;
        }
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
