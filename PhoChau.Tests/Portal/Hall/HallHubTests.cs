using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PhoChau.Core.Speakers;
using PhoChau.Portal.Hubs;

namespace PhoChau.Tests.Portal.Hall;

public sealed class HallHubTests
{
    private static readonly Actor Secretary = new("s", "thuky", new HashSet<string> { Roles.Secretary });

    private static Task<RunningPortal> StartInSessionAsync() => DemoSession.StartAsync();

    [Fact]
    public async Task Two_subscribers_receive_QueueChanged_with_the_saved_state_after_a_registration()
    {
        await using var portal = await StartInSessionAsync();
        await using var tv = await HubClient.ConnectAsync(portal.BaseUrl, "xem", PortalFactory.UserPassword);
        await using var officer = await HubClient.ConnectAsync(portal.BaseUrl, "tuphap", PortalFactory.UserPassword);
        var tvGot = new TaskCompletionSource<QueueChangedMessage>();
        var officerGot = new TaskCompletionSource<QueueChangedMessage>();
        tv.On<QueueChangedMessage>("QueueChanged", m => { if (m.Queue.Any(q => q.Name == "Võ Thị Mai")) tvGot.TrySetResult(m); });
        officer.On<QueueChangedMessage>("QueueChanged", m => { if (m.Queue.Any(q => q.Name == "Võ Thị Mai")) officerGot.TrySetResult(m); });
        var joined = await tv.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        var officerJoined = await officer.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        Assert.Equal(6, joined.Queue.Count); // the demo's registered speakers
        Assert.Null(joined.BaseVersion); // JoinSession: the whole queue

        await portal.Services.GetRequiredService<SpeakerQueueService>().RegisterAsync(Secretary, 1,
            new SpeakerInput { Name = "Võ Thị Mai", VillageOrOrganisation = "Thôn Tân Hy", Topic = "Hộ tịch" });

        var a = await tvGot.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var b = await officerGot.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var saved = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);
        foreach (var (held, m) in new[] { (joined, a), (officerJoined, b) })
        {
            Assert.Equal(saved.Version, m.Version);
            Assert.Equal(7, m.Count);
            // What changed since the list the screen holds: applied to it, the saved queue.
            Assert.True(m.BaseVersion is null || m.BaseVersion == held.Version, $"base {m.BaseVersion}, held {held.Version}");
            var queue = m.ApplyTo(held.Queue);
            Assert.Equal(saved.Queue.Select(q => (q.SpeakerId, q.Position, q.Name, q.Status.ToString())),
                         queue.Select(q => (q.SpeakerId, q.Position, q.Name, q.Status)));
            Assert.Equal("Thôn Tân Hy", queue[^1].VillageOrOrganisation);
        }
    }

    [Fact]
    public async Task In_a_long_session_each_change_sends_only_the_speakers_it_changed_and_a_screen_that_applies_them_holds_the_saved_queue()
    {
        await using var portal = await StartInSessionAsync();
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        await using var tv = await HubClient.ConnectAsync(portal.BaseUrl, "xem", PortalFactory.UserPassword);
        await using var secretary = await HubClient.ConnectAsync(portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        var messages = new System.Collections.Concurrent.ConcurrentQueue<QueueChangedMessage>();
        tv.On<QueueChangedMessage>("QueueChanged", messages.Enqueue);
        var joined = await tv.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        await secretary.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        var held = joined.Queue;
        var version = joined.Version;
        void Apply(Func<QueueChangedMessage, bool> small)
        {
            while (messages.TryDequeue(out var m))
            {
                if (m.Version <= version) continue;
                Assert.True(m.BaseVersion is null || m.BaseVersion == version, $"version {m.Version} on base {m.BaseVersion}, the screen holds {version}");
                Assert.True(small(m), $"version {m.Version} sent {m.Queue.Count} speakers");
                held = m.ApplyTo(held);
                version = m.Version;
            }
        }

        // A burst of 60 registrations (the screens get it coalesced), then the session as it goes on.
        for (var i = 0; i < 60; i++)
            await queue.RegisterAsync(Secretary, 1, new SpeakerInput { Name = $"Người chờ {i}", VillageOrOrganisation = "Thôn Tân Hy", Topic = "Chờ" });
        var afterBurst = (await queue.GetStateAsync(1)).Version;
        await WaitUntilAsync(() => messages.Any(m => m.Version == afterBurst));
        Apply(_ => true);
        Assert.Equal(66, held.Count);

        var returned = new List<QueueChangedMessage>
        {
            await secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Đỗ Văn Mới", "Thôn Định Tân", "Đất đai"),
            await secretary.InvokeAsync<QueueChangedMessage>("CallNext", 1, (int?)null),
            await secretary.InvokeAsync<QueueChangedMessage>("CallNext", 1, (int?)null),
        };
        var state = await queue.GetStateAsync(1);
        var waiting = state.Waiting;
        await queue.MoveAsync(Secretary, 1, waiting[5].SpeakerId, 2, state.Version); // the sixth waiting moves to third: four change places
        state = await queue.GetStateAsync(1);
        await queue.MarkAsync(Secretary, 1, state.Waiting[0].SpeakerId, SpeakerStatus.Absent, state.Version);
        var saved = await queue.GetStateAsync(1);

        // Each return carries the one or two speakers the action changed (and the current one), on the version before it.
        Assert.All(returned, r => Assert.InRange(r.Queue.Count, 1, 3));
        Assert.All(returned, r => Assert.Equal(r.Version - 1, r.BaseVersion));
        Assert.Equal("Đỗ Văn Mới", returned[0].Queue.Single().Name);

        // The screen applies each broadcast to what it holds; never the whole 67-speaker list again.
        await WaitUntilAsync(() => messages.Any(m => m.Version == saved.Version));
        // At most four speakers a saved change (the move: four change places) and the current one; two changes the
        // notifier coalesced into one broadcast send what both changed.
        Apply(m => m.Queue.Count <= 4 * (m.Version - (m.BaseVersion ?? 0)) + 1 && m.Queue.Count < 60);
        Assert.Equal(saved.Version, version);
        Assert.Equal(saved.Queue.Select(q => (q.SpeakerId, q.Position, q.Name, q.Status.ToString(), q.StartedAt)),
                     held.Select(q => (q.SpeakerId, q.Position, q.Name, q.Status, q.StartedAt)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 150 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "the broadcast did not arrive in 15 s");
    }

    [Fact]
    public async Task A_phone_registration_is_announced_to_the_operators_only_and_its_details_are_refused_to_a_viewer()
    {
        await using var portal = await StartInSessionAsync();
        await using var secretary = await HubClient.ConnectAsync(portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await using var tv = await HubClient.ConnectAsync(portal.BaseUrl, "xem", PortalFactory.UserPassword);
        var operatorTold = new TaskCompletionSource<SpeakerRequestsChangedMessage>();
        var viewerTold = false;
        secretary.On<SpeakerRequestsChangedMessage>("SpeakerRequestsChanged", m => operatorTold.TrySetResult(m));
        tv.On<SpeakerRequestsChangedMessage>("SpeakerRequestsChanged", _ => viewerTold = true);
        await secretary.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        await tv.InvokeAsync<QueueChangedMessage>("JoinSession", 1);

        await portal.Services.GetRequiredService<SpeakerRequestService>().SubmitAsync(1,
            new SpeakerRequestInput { Consent = true, Name = "Đặng Văn Phone", VillageOrOrganisation = "Thôn Tân Hy", Topic = "Hộ tịch" });

        Assert.Equal(1, (await operatorTold.Task.WaitAsync(TimeSpan.FromSeconds(15))).SessionId);
        var pending = await secretary.InvokeAsync<IReadOnlyList<PendingRequestItem>>("PendingRequests", 1);
        Assert.Equal("Đặng Văn Phone", Assert.Single(pending).Name);
        var refused = await Assert.ThrowsAsync<HubException>(() => tv.InvokeAsync<IReadOnlyList<PendingRequestItem>>("PendingRequests", 1));
        Assert.DoesNotContain("Đặng Văn Phone", refused.Message);
        await Task.Delay(300);
        Assert.False(viewerTold);
    }

    [Theory]
    [InlineData(999999)]
    [InlineData(-1)]
    [InlineData(0)]
    public async Task Joining_a_session_that_does_not_exist_gets_a_clear_refusal(int sessionId)
    {
        await using var portal = await StartInSessionAsync();
        await using var tv = await HubClient.ConnectAsync(portal.BaseUrl, "xem", PortalFactory.UserPassword);

        var ex = await Assert.ThrowsAsync<HubException>(() => tv.InvokeAsync<QueueChangedMessage>("JoinSession", sessionId));

        Assert.Contains("Không tìm thấy buổi đối thoại", ex.Message);
        // The connection stays usable for the right session.
        Assert.Equal(1, (await tv.InvokeAsync<QueueChangedMessage>("JoinSession", 1)).SessionId);
    }

    [Fact]
    public async Task A_viewer_calling_a_method_that_changes_the_queue_gets_a_hub_error_and_nothing_changes()
    {
        await using var portal = await StartInSessionAsync();
        await using var viewer = await HubClient.ConnectAsync(portal.BaseUrl, "xem", PortalFactory.UserPassword);
        var before = await viewer.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        var ex = await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Kẻ lạ", "Thôn X", "x"));
        Assert.Contains("không có quyền", ex.Message);
        await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync<QueueChangedMessage>("CallNext", 1, before.Version));
        var after = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task The_secretary_registers_through_the_hub_and_an_empty_name_is_refused()
    {
        await using var portal = await StartInSessionAsync();
        await using var secretary = await HubClient.ConnectAsync(portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        var state = await secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Đinh Văn Tư", "Thôn Định Tân", "Đất đai");
        Assert.Equal("Đinh Văn Tư", state.Queue[^1].Name);
        var ex = await Assert.ThrowsAsync<HubException>(() => secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "", "", ""));
        Assert.Contains("không được để trống", ex.Message);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        await using var portal = await StartInSessionAsync();
        var connection = new HubConnectionBuilder().WithUrl(portal.BaseUrl + "/hubs/hall").Build();
        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task A_hub_caller_whose_save_fails_on_a_full_disk_is_told_the_same_reason_the_screens_show()
    {
        var faults = new WriteFaults();
        await using var portal = await DemoSession.StartAsync(configure: b => b.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(faults));
        await using var secretary = await HubClient.ConnectAsync(portal.BaseUrl, "thuky", PortalFactory.UserPassword);

        faults.Enabled = true;
        var ex = await Assert.ThrowsAsync<HubException>(() => secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Đinh Văn Tư", "Thôn Định Tân", "Đất đai"));
        Assert.Contains("ổ đĩa chứa dữ liệu đã đầy", ex.Message);
        // SignalR puts its own words before a HubException's; the reason is the screens' own sentence, whole.
        Assert.EndsWith("HubException: Không lưu được: ổ đĩa chứa dữ liệu đã đầy. Những gì bạn vừa nhập vẫn còn trên màn hình; hãy báo quản trị giải phóng dung lượng rồi bấm lưu lại.", ex.Message);

        faults.Enabled = false; // space freed: the same call goes through on the same connection
        var state = await secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Đinh Văn Tư", "Thôn Định Tân", "Đất đai");
        Assert.Equal("Đinh Văn Tư", state.Queue[^1].Name);
    }

    [Fact]
    public async Task A_client_with_SignalRs_standard_keep_alive_stays_connected()
    {
        await using var portal = await StartInSessionAsync();
        var cookies = await PortalSignIn.CookiesAsync(portal.BaseUrl, "xem", PortalFactory.UserPassword);
        await using var tv = new HubConnectionBuilder().WithUrl(portal.BaseUrl + "/hubs/hall", o => o.Cookies = cookies).Build(); // keep-alive 15 s
        var closed = false;
        tv.Closed += _ => { closed = true; return Task.CompletedTask; };
        await tv.StartAsync();
        await tv.InvokeAsync<QueueChangedMessage>("JoinSession", 1);

        await Task.Delay(TimeSpan.FromSeconds(20)); // past the 10 s the portal once allowed, past one 15 s ping

        Assert.False(closed);
        Assert.Equal(HubConnectionState.Connected, tv.State);
        Assert.Equal(6, (await tv.InvokeAsync<QueueChangedMessage>("JoinSession", 1)).Queue.Count);
    }
}
