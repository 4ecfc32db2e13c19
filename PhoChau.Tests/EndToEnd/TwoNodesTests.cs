using Microsoft.AspNetCore.SignalR.Client;
using PhoChau.Core.Dialogues;
using PhoChau.Portal.Hubs;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// A province: two portal processes on loopback ports, one PostgreSQL. A speaker registered on node A reaches the
/// chair's console served by node B and a hub subscriber connected to node B; a sign-in cookie from A opens B.
/// </summary>
public sealed class TwoNodesTests
{
    [Fact]
    public async Task A_speaker_registered_on_node_A_appears_on_the_chair_console_and_to_a_hub_subscriber_of_node_B()
    {
        await using var database = TestPostgres.Fresh("phochau_nodes");
        var connection = database.ConnectionString;
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        var urlA = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        var urlB = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        Dictionary<string, string> Node(string url, bool demo) => new()
        {
            ["ASPNETCORE_URLS"] = url, ["Data__Root"] = Directory.CreateTempSubdirectory("phochau-node").FullName,
            ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__Postgres"] = connection, ["Keys__MasterKeyFile"] = TestPostgres.MasterKeyFile, ["Seed__Demo"] = demo ? "true" : "false",
        };
        await using var a = PortalProcess.Start(Node(urlA, demo: true));
        await a.WaitHealthyAsync(urlA);
        await using var b = PortalProcess.Start(Node(urlB, demo: false));
        await b.WaitHealthyAsync(urlB);

        // A session in progress, saved straight into the shared database.
        int sessionId;
        await using (var services = PhoChau.Tests.Core.Persistence.ProviderTests.Node(connection))
        {
            var secretary = new Actor("t", "thuky", new HashSet<string> { Roles.Secretary });
            var dialogues = services.GetRequiredService<DialogueService>();
            var d = await dialogues.CreateAsync(secretary, new DialogueInput { Title = "Đối thoại hai máy chủ", Year = 2026, Quarter = 4, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15) });
            await dialogues.MoveAsync(secretary, d.Id, DialogueState.Announced);
            await services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(secretary, d.Id, "Diễn tập");
            sessionId = d.Id;
        }

        // Signed in on A; the same cookie opens B (the keys are shared through the database).
        var cookies = await PortalSignIn.CookiesAsync(urlA, "thuky", PortalFactory.AdminPassword);
        await using var hubA = HubClient.Build(urlA, cookies);
        await using var hubB = HubClient.Build(urlB, cookies);
        await hubA.StartAsync();
        await hubB.StartAsync();
        await hubB.InvokeAsync<QueueChangedMessage>("JoinSession", sessionId);
        var seenOnB = new TaskCompletionSource<QueueChangedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        hubB.On<QueueChangedMessage>("QueueChanged", m => { if (m.Queue.Any(q => q.Name == "Nguyễn Văn Nút")) seenOnB.TrySetResult(m); });

        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, urlB, "chutich", PortalFactory.AdminPassword);
        await Browser.GotoInteractiveAsync(page, $"{urlB}/sessions/{sessionId}/chair");
        await page.WaitForSelectorAsync("[data-testid=next-speakers]");

        var saved = await hubA.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", sessionId, "Nguyễn Văn Nút", "Thôn Vĩnh Tuy", "Đường liên thôn");
        var relayed = await seenOnB.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(saved.Version, relayed.Version);
        Assert.Single(relayed.Queue, q => q.Name == "Nguyễn Văn Nút");
        await page.Locator("[data-testid=next-speakers]").GetByText("Nguyễn Văn Nút").WaitForAsync(new() { Timeout = 15_000 });

        // And back: the chair calls the speaker on B; A's subscriber hears it.
        await hubA.InvokeAsync<QueueChangedMessage>("JoinSession", sessionId);
        var calledOnA = new TaskCompletionSource<QueueChangedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        hubA.On<QueueChangedMessage>("QueueChanged", m => { if (m.CurrentSpeakerId is not null) calledOnA.TrySetResult(m); });
        await hubB.InvokeAsync<QueueChangedMessage>("CallNext", sessionId, (int?)null);
        var called = await calledOnA.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("Nguyễn Văn Nút", called.Queue.Single(q => q.SpeakerId == called.CurrentSpeakerId).Name);
    }
}
