using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// A page served from another port of the same host, opened in the signed-in chairman's browser, tries to
/// register a speaker over /hubs/hall with his cookie (SameSite=Lax does not stop a same-site page).
/// </summary>
public sealed class ForeignOriginTests
{
    private const string RegisterOverWebSocket = """
        (url) => new Promise(resolve => {
            const ws = new WebSocket(url);
            ws.onopen = () => {
                ws.send('{"protocol":"json","version":1}\u001e');
                ws.send('{"type":1,"invocationId":"1","target":"RegisterSpeaker","arguments":[1,"Kẻ Lạ","Trang khác","thử"]}\u001e');
            };
            ws.onmessage = e => { if (e.data.includes('"invocationId":"1"')) { resolve('completed'); ws.close(); } };
            ws.onerror = () => resolve('error');
            ws.onclose = e => resolve('closed ' + e.code);
            setTimeout(() => resolve('timeout'), 10000);
        })
        """;

    [Fact]
    public async Task The_hub_refuses_a_page_of_another_origin_carrying_the_chairmans_cookie_and_serves_the_portals_own_page()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var secretary = new Actor("s", "thuky", new HashSet<string> { Roles.Secretary });
        await portal.Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(secretary, 1, "Diễn tập");
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, portal.BaseUrl, "chutich", PortalFactory.UserPassword);
        var hub = portal.BaseUrl.Replace("http://", "ws://") + "/hubs/hall";
        // Another program on the same host serves the page (another port: same site, another origin).
        var foreign = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        using var server = new System.Net.HttpListener();
        server.Prefixes.Add(foreign + "/");
        server.Start();
        var serving = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                var ctx = await server.GetContextAsync();
                var body = System.Text.Encoding.UTF8.GetBytes("<html><body>trang khác</body></html>");
                ctx.Response.ContentType = "text/html";
                await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            }
        });

        var attacker = await context.NewPageAsync();
        await attacker.GotoAsync(foreign + "/");
        var refused = await attacker.EvaluateAsync<string>(RegisterOverWebSocket, hub);

        Assert.NotEqual("completed", refused);
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        Assert.DoesNotContain((await queue.GetStateAsync(1)).Queue, q => q.Name == "Kẻ Lạ");

        // The same call from the portal's own page goes through: the refusal is about the origin, nothing else.
        var allowed = await page.EvaluateAsync<string>(RegisterOverWebSocket, hub);
        Assert.Equal("completed", allowed);
        Assert.Contains((await queue.GetStateAsync(1)).Queue, q => q.Name == "Kẻ Lạ");
        server.Stop();
        try { await serving; } catch (Exception) { }
    }
}
