using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using PhoChau.Core.Petitions;
using PhoChau.Core.Common;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// Issue 35: a citizen who cannot come follows the hall on a phone (390×844, an English browser, no sign-in): a
/// registration, the next speaker called and a petition assigned reach the live page within a second each, and a
/// speaker who did not agree to be named is never named there. The page is light enough for 2G and a change small.
/// </summary>
public sealed class LivePageTests
{
    private static readonly Actor Secretary = DemoSession.Secretary;

    [Fact]
    public async Task A_phone_follows_the_hall_live_and_a_speaker_without_consent_is_never_named()
    {
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync();
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US", IsMobile = true, HasTouch = true,
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync(portal.BaseUrl + "/truc-tiep/1");
        await phone.WaitForFunctionAsync("() => document.getElementById('status').className === '' && document.getElementById('status').textContent.includes('trực tiếp')");

        // A registration, without consent: a number and the village, never the name.
        var state = await queue.RegisterAsync(Secretary, 1, new SpeakerInput
        {
            Name = "Trần Văn Kín", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Đất đai", NewPetitionText = "Cấp giấy chứng nhận quyền sử dụng đất chậm",
        });
        var shy = state.Queue.Single(q => q.Name == "Trần Văn Kín");
        var number = state.Queue.OrderBy(q => q.SpeakerId).ToList().FindIndex(q => q.SpeakerId == shy.SpeakerId) + 1; // order of registration
        var shown = $"Người phát biểu số {number} — Thôn Vĩnh Tuy";
        await WithinASecondAsync(phone, $"() => document.getElementById('live').innerText.includes('{shown}')", "the registration");

        // Called next (moved to the front first, as the chair may).
        state = await queue.MoveAsync(Secretary, 1, shy.SpeakerId, 0, state.Version);
        await queue.CallNextAsync(Secretary, 1, state.Version);
        await WithinASecondAsync(phone, $"() => document.getElementById('speaking').textContent === '{shown}'", "the call");
        Assert.Matches(@"^\d+:\d\d$", await phone.Locator("#timer").TextContentAsync() ?? "");

        // The petition the speaker raised is assigned by the chair: its department appears.
        var petitionId = shy.PetitionIds.Single();
        var department = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>()
            .CreateDbContext().Departments.Where(d => d.Kind == PhoChau.Core.Departments.UnitKind.Department).OrderBy(d => d.Id).First();
        await portal.Services.GetRequiredService<SessionOutcomeService>().AssignAsync(Secretary, petitionId, department.Id);
        await WithinASecondAsync(phone, $"() => document.getElementById('petitions').textContent.includes('{department.Name}')", "the assignment");

        // One who agreed is named.
        await queue.RegisterAsync(Secretary, 1, new SpeakerInput { Name = "Lê Thị Công Khai", VillageOrOrganisation = "Thôn Châu Me", Topic = "Hộ tịch", NamedPublicly = true });
        await WithinASecondAsync(phone, "() => document.getElementById('live').innerText.includes('Lê Thị Công Khai — Thôn Châu Me')", "a named speaker");

        var text = await phone.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Trần Văn Kín", text);
        Assert.DoesNotContain("Trần Văn Kín", await phone.ContentAsync());
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
    }

    [Fact]
    public async Task A_citizen_following_online_asks_from_the_phone_is_marked_for_the_secretary_and_told_on_the_phone_when_called()
    {
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync();
        await using var staff = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var secretary = await staff.NewPageAsync();
        await Browser.SignInAsync(secretary, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(secretary, portal.BaseUrl + "/sessions/1/hall");
        await using var phoneContext = await chromium.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US", IsMobile = true, HasTouch = true,
        });
        var phone = await phoneContext.NewPageAsync();

        // From the phone form: "I follow online", with the number to call back.
        await phone.GotoAsync(portal.BaseUrl + "/sessions/1/dang-ky");
        await phone.FillAsync("[data-testid=speak-name]", "Võ Văn Xa Nhà");
        await phone.FillAsync("[data-testid=speak-from]", "Thôn Phước Thạnh");
        await phone.FillAsync("[data-testid=speak-topic]", "Đường vào thôn");
        await phone.FillAsync("[data-testid=speak-phone]", "0935 444 555");
        await phone.CheckAsync("[data-testid=speak-follows-online]");
        await phone.CheckAsync("[data-testid=speak-consent]");
        await phone.ClickAsync("[data-testid=speak-submit]");
        await phone.ClickAsync("[data-testid=speak-follow-live]");
        await phone.WaitForSelectorAsync("[data-testid=live-me-state]:has-text('Thư ký đang xem')");

        // Marked on the secretary's console, then in the queue with the number to call back.
        await secretary.WaitForSelectorAsync("[data-testid=pending-request]:has-text('Võ Văn Xa Nhà')");
        Assert.True(await secretary.Locator("[data-testid=pending-request]:has-text('Võ Văn Xa Nhà') >> [data-testid=pending-remote]").CountAsync() == 1,
            await secretary.Locator("[data-testid=pending-requests]").InnerHTMLAsync());
        await secretary.ClickAsync("[data-testid=pending-request]:has-text('Võ Văn Xa Nhà') >> [data-testid=accept-request]");
        await secretary.WaitForSelectorAsync("[data-testid=queue-row]:has-text('Võ Văn Xa Nhà') >> [data-testid=queue-remote]:has-text('0935444555')");
        await phone.WaitForSelectorAsync("[data-testid=live-me-state]:has-text('danh sách chờ')");
        Assert.True(await phone.Locator("[data-testid=live-me-turn]").IsHiddenAsync());

        // The chair calls them: the phone says it is their turn and how they will be heard (a call back: no room set).
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        var state = await queue.GetStateAsync(1);
        var remote = state.Queue.Single(q => q.Name == "Võ Văn Xa Nhà");
        Assert.True(remote.Remote);
        state = await queue.MoveAsync(Secretary, 1, remote.SpeakerId, 0, state.Version);
        await queue.CallNextAsync(Secretary, 1, state.Version);
        await WithinASecondAsync(phone, "() => !document.getElementById('me-turn').hidden", "the call of the remote speaker");
        Assert.Contains("0935444555", await phone.Locator("[data-testid=live-me-callback]").TextContentAsync());
        // Named nowhere on the public page: they did not tick the box.
        Assert.DoesNotContain("Võ Văn Xa Nhà", await phone.Locator("#live").InnerTextAsync());
    }

    [Fact]
    public async Task A_dialogue_held_online_too_shows_the_live_pages_QR_code_on_the_hall_display_and_one_in_person_does_not()
    {
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var display = await context.NewPageAsync();
        await Browser.SignInAsync(display, portal.BaseUrl, "xem", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(display, portal.BaseUrl + "/sessions/1/display");
        await display.WaitForSelectorAsync("[data-testid=display-qr] img");
        Assert.Equal(0, await display.Locator("[data-testid=display-live-qr]").CountAsync()); // the demo's dialogue is held in person

        await using (var db = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>().CreateDbContext())
        {
            var dialogue = db.Dialogues.Single(d => d.Id == 1);
            dialogue.Form = PhoChau.Core.Dialogues.DialogueForm.InPersonAndOnline;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await Browser.GotoInteractiveAsync(display, portal.BaseUrl + "/sessions/1/display");
        var qr = await display.WaitForSelectorAsync("[data-testid=display-live-qr] img");
        var shown = (await display.TextContentAsync("[data-testid=display-live-url]"))!.Trim();
        Assert.EndsWith("/truc-tiep/1", shown);
        var shot = Path.Combine(portal.DataRoot, "display-live-qr.png");
        await qr!.ScreenshotAsync(new() { Path = shot });
        Assert.Equal([shown], await QrReader.DecodeImageAsync(shot));
        // Both codes on a 1280×720 projector, neither over the other.
        var live = (await display.Locator("[data-testid=display-live-qr]").BoundingBoxAsync())!;
        var speak = (await display.Locator("[data-testid=display-qr]").BoundingBoxAsync())!;
        Assert.True(live.Y + live.Height <= speak.Y || speak.Y + speak.Height <= live.Y, "the two QR codes overlap");
        Assert.True(live.Y >= 0 && speak.Y + speak.Height <= 720, "a QR code is off the projector");
    }

    /// <summary>
    /// The commune's own set-up, for real: Icecast on the laptop, ffmpeg sending a tone as the hall's microphone would.
    /// The live page plays it and says so; Icecast stopped, the page and the secretary say the sound is down and the
    /// hall goes on as fast as before.
    /// </summary>
    [Fact]
    public async Task The_halls_sound_plays_from_a_real_Icecast_the_secretary_sees_it_and_its_fall_leaves_the_hall_unaffected()
    {
        await using var icecast = await Icecast.StartAsync();
        var stream = await icecast.PushToneAsync("/hoi-truong.ogg");
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync(new Dictionary<string, string> { ["Live:Stream"] = stream });

        await using var phoneContext = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US", IsMobile = true, HasTouch = true });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(portal.BaseUrl + "/truc-tiep/1");
        Assert.Equal("Bấm ▶ để nghe.", (await phone.TextContentAsync("[data-testid=live-sound-state]"))?.Trim());
        await phone.ClickAsync("h1"); // the listener's tap: a page may then play sound
        await phone.EvaluateAsync("() => document.getElementById('sound').play()");
        await phone.WaitForFunctionAsync("() => document.getElementById('sound').currentTime > 1", null, new() { Timeout = 20_000 });
        var at = await phone.EvaluateAsync<double>("() => document.getElementById('sound').currentTime");
        await phone.WaitForFunctionAsync($"() => document.getElementById('sound').currentTime > {at.ToString(CultureInfo.InvariantCulture)} + 1", null, new() { Timeout = 10_000 });
        Assert.Equal("Đang phát", (await phone.TextContentAsync("[data-testid=live-sound-state]"))?.Trim());

        // The secretary sees the stream up and its listener (the phone above).
        await using var staff = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var secretary = await staff.NewPageAsync();
        await Browser.SignInAsync(secretary, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(secretary, portal.BaseUrl + "/sessions/1/hall");
        await secretary.WaitForSelectorAsync("[data-testid=stream-status]:has-text('1 người nghe')", new() { Timeout = 20_000 });

        // Icecast falls: the phone says the sound is down, the secretary is told, and the hall goes on as before.
        await icecast.StopAsync();
        await phone.WaitForSelectorAsync("[data-testid=live-sound-state]:has-text('luồng âm thanh đang gián đoạn')", new() { Timeout = 15_000 });
        await secretary.WaitForSelectorAsync("[data-testid=stream-status]:has-text('không có tín hiệu')", new() { Timeout = 20_000 });
        var clock = Stopwatch.StartNew();
        await portal.Services.GetRequiredService<SpeakerQueueService>().RegisterAsync(Secretary, 1,
            new SpeakerInput { Name = "Phan Văn Âm", VillageOrOrganisation = "Thôn Hòa Vinh", Topic = "Thủ tục" });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"a registration took {clock.Elapsed.TotalMilliseconds:F0} ms with the stream server down");
        await phone.WaitForSelectorAsync("[data-testid=live-latest]:has-text('Thôn Hòa Vinh')", new() { Timeout = 2_000 });
        var fresh = await phone.Context.NewPageAsync();
        clock.Restart();
        await fresh.GotoAsync(portal.BaseUrl + "/truc-tiep/1");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the live page took {clock.Elapsed.TotalMilliseconds:F0} ms with the stream server down");
        Assert.Contains("luồng âm thanh đang gián đoạn", await fresh.TextContentAsync("[data-testid=live-sound-state]"));
    }

    /// <summary>The hall's laptop restarts the portal: the phone's page says it lost the hall, comes back by itself and shows what changed.</summary>
    [Fact]
    public async Task The_live_page_comes_back_by_itself_after_the_portal_restarts_with_what_changed()
    {
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync();
        await using var phoneContext = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US", IsMobile = true, HasTouch = true });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(portal.BaseUrl + "/truc-tiep/1");
        await phone.WaitForSelectorAsync("#status:not(.off)");

        // The portal stops at once although a viewer follows it (a service manager's restart must not wait for phones).
        var stopping = Stopwatch.StartNew();
        await portal.StopAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the portal took {stopping.Elapsed.TotalSeconds:F0} s to stop with a viewer on its live page");
        await phone.WaitForSelectorAsync("#status.off", new() { Timeout = 10_000 });
        await portal.StartAgainAsync();
        await portal.Services.GetRequiredService<SpeakerQueueService>().RegisterAsync(Secretary, 1,
            new SpeakerInput { Name = "Lê Thị Hồi", VillageOrOrganisation = "Thôn Hòa Vinh", Topic = "Cấp đổi sổ đỏ" });

        // No reload by the test: the stream reconnects and brings the whole view again.
        await phone.WaitForSelectorAsync("[data-testid=live-latest]:has-text('Thôn Hòa Vinh')", new() { Timeout = 15_000 });
        await phone.WaitForSelectorAsync("#status:not(.off)");
        Assert.DoesNotContain("Lê Thị Hồi", await phone.TextContentAsync("main"));
    }

    /// <summary>A province's YouTube live: a link always, and the player on the page only when the viewer asks, allowed by the content policy.</summary>
    [Fact]
    public async Task A_provinces_YouTube_live_is_a_link_and_a_player_loaded_only_when_asked()
    {
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync(new Dictionary<string, string> { ["Live:Video"] = "https://www.youtube.com/watch?v=abcDEF12345" });
        await using var phoneContext = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US", IsMobile = true, HasTouch = true });
        // No internet here (as in a hall): the player's own address is answered locally, the content policy is what is tested.
        await phoneContext.RouteAsync("https://www.youtube-nocookie.com/**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<p>player</p>" }));
        var phone = await phoneContext.NewPageAsync();
        var refused = new List<string>();
        phone.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(m.Text); };
        var response = await phone.GotoAsync(portal.BaseUrl + "/truc-tiep/1");
        Assert.Contains("frame-src 'self' https://www.youtube-nocookie.com;", await response!.HeaderValueAsync("content-security-policy"));
        Assert.Equal("https://www.youtube.com/watch?v=abcDEF12345", await phone.GetAttributeAsync("[data-testid=live-video-link]", "href"));
        Assert.Equal(0, await phone.Locator("#video iframe").CountAsync()); // nothing loaded before asked
        await phone.ClickAsync("[data-testid=live-video-show]");
        var frame = phone.Locator("#video iframe");
        Assert.Equal("https://www.youtube-nocookie.com/embed/abcDEF12345", await frame.GetAttributeAsync("src"));
        await phone.FrameLocator("#video iframe").Locator("text=player").WaitForAsync();
        Assert.Empty(refused);
    }

    /// <summary>
    /// Live:AnswerSeconds = 2: a remote speaker called whose call does not connect is marked "Không trả lời" on the
    /// secretary's console by the portal itself; one the secretary marks "Đã kết nối" in time goes on speaking.
    /// </summary>
    [Fact]
    public async Task A_remote_speaker_who_does_not_answer_is_marked_by_the_portal_and_one_connected_in_time_speaks_on()
    {
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync(new Dictionary<string, string> { ["Live:AnswerSeconds"] = "2" });
        var requests = portal.Services.GetRequiredService<SpeakerRequestService>();
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        async Task<int> CallFromAfarAsync(string name, string phone)
        {
            var request = await requests.SubmitAsync(1, new SpeakerRequestInput
            {
                Consent = true, FollowsOnline = true, Phone = phone, Name = name, VillageOrOrganisation = "Thôn Phước Thạnh", Topic = "Đường vào thôn",
            });
            await requests.AcceptAsync(Secretary, request.Id);
            var state = await queue.GetStateAsync(1);
            var id = state.Queue.Single(q => q.Name == name).SpeakerId;
            state = await queue.MoveAsync(Secretary, 1, id, 0, state.Version);
            await queue.CallNextAsync(Secretary, 1, state.Version);
            return id;
        }
        await using var staff = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var secretary = await staff.NewPageAsync();
        await Browser.SignInAsync(secretary, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(secretary, portal.BaseUrl + "/sessions/1/hall");

        var silent = await CallFromAfarAsync("Võ Văn Xa Nhà", "0935 444 555");
        var row = secretary.Locator($"[data-testid=queue-row][data-speaker='{silent}']");
        await row.Locator("[data-testid=remote-answered]").WaitForAsync(); // the secretary may still connect the call
        await row.Locator("[data-testid=queue-noanswer]").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal("Vắng mặt", (await row.Locator("[data-testid=queue-status]").TextContentAsync())?.Trim());
        Assert.Null((await queue.GetStateAsync(1)).Current);

        var heard = await CallFromAfarAsync("Lê Thị Ở Xa", "0935 666 777");
        row = secretary.Locator($"[data-testid=queue-row][data-speaker='{heard}']");
        await row.Locator("[data-testid=remote-answered]").ClickAsync();
        await row.Locator("[data-testid=remote-answered]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Task.Delay(3_000); // past the time to answer
        Assert.Equal(heard, (await queue.GetStateAsync(1)).Current?.SpeakerId);
        Assert.Equal(0, await row.Locator("[data-testid=queue-noanswer]").CountAsync());
    }

    /// <summary>
    /// A mobile link that drops without closing (the stream just goes silent): the page notices within twice the
    /// heartbeat, says so, and once the link is back shows what changed meanwhile by itself.
    /// </summary>
    [Fact]
    public async Task A_phone_whose_link_goes_silent_says_so_and_comes_back_by_itself()
    {
        await using var chromium = await Browser.LaunchAsync();
        await using var portal = await DemoSession.StartAsync(new Dictionary<string, string> { ["Live:HeartbeatSeconds"] = "1" });
        await using var link = new StallingProxy(new Uri(portal.BaseUrl));
        await using var phoneContext = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US", IsMobile = true, HasTouch = true });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(link.BaseUrl + "/truc-tiep/1");
        await phone.WaitForSelectorAsync("#status:not(.off)");
        await Task.Delay(3_000); // quiet hall: the heartbeats keep the page content
        Assert.Equal(0, await phone.Locator("#status.off").CountAsync());

        link.Freeze();
        await phone.WaitForSelectorAsync("#status.off", new() { Timeout = 10_000 });
        await portal.Services.GetRequiredService<SpeakerQueueService>().RegisterAsync(Secretary, 1,
            new SpeakerInput { Name = "Lê Thị Hồi", VillageOrOrganisation = "Thôn Hòa Vinh", Topic = "Cấp đổi sổ đỏ" });
        link.Thaw();
        await phone.WaitForSelectorAsync("[data-testid=live-latest]:has-text('Thôn Hòa Vinh')", new() { Timeout = 15_000 });
        await phone.WaitForSelectorAsync("#status:not(.off)");
    }

    [Fact]
    public async Task With_a_call_room_configured_the_remote_speakers_page_carries_their_own_join_link_and_a_wrong_key_shows_nothing_personal()
    {
        await using var portal = await DemoSession.StartAsync(new Dictionary<string, string> { ["Live:CallRoom"] = "https://hop.example.vn/phochau-{0}-{1}" });
        var requests = portal.Services.GetRequiredService<SpeakerRequestService>();
        var request = await requests.SubmitAsync(1, new SpeakerRequestInput
        {
            Consent = true, FollowsOnline = true, Phone = "0935 666 777", Name = "Ngô Thị Phòng", VillageOrOrganisation = "Thôn Tân Hy", Topic = "Hộ tịch",
        });
        var key = requests.LiveKey(request);
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        var mine = await http.GetStringAsync($"/truc-tiep/1?ban={key}", TestContext.Current.CancellationToken);
        Assert.Contains($"https://hop.example.vn/phochau-1-{key.Split('-')[1]}", mine);
        Assert.Contains("\"st\":\"Pending\"", await http.GetStringAsync($"/truc-tiep/1/ban/{key}", TestContext.Current.CancellationToken));

        var forged = await http.GetStringAsync($"/truc-tiep/1?ban={request.Id}-AAAAAAAAAAAAAAAA", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("live-me", forged);
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            (await http.GetAsync($"/truc-tiep/1/ban/{request.Id}-AAAAAAAAAAAAAAAA", TestContext.Current.CancellationToken)).StatusCode);
        // A phone request "following online" needs the number to call back.
        var refused = await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(1, new SpeakerRequestInput
        {
            Consent = true, FollowsOnline = true, Name = "Ngô Văn Không Số", VillageOrOrganisation = "Thôn Tân Hy", Topic = "Hộ tịch",
        }));
        Assert.Contains("số điện thoại", refused.Message);
    }

    [Fact]
    public async Task The_page_is_light_a_change_is_small_and_an_unknown_or_malformed_session_is_not_found()
    {
        await using var portal = await DemoSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        var page = await http.GetByteArrayAsync("/truc-tiep/1", TestContext.Current.CancellationToken);
        var script = await http.GetByteArrayAsync("/js/live.js", TestContext.Current.CancellationToken);
        Assert.True(page.Length + script.Length < 50_000, $"the first page is {page.Length + script.Length} bytes");
        // A cluster's hall projects it in large type: the same page, the projector's class on.
        Assert.Contains("<body class=\"chieu\">", await http.GetStringAsync("/truc-tiep/1?chieu=1", TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/truc-tiep/999", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/truc-tiep/999/su-kien", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/truc-tiep/1%27--", TestContext.Current.CancellationToken)).StatusCode);

        // The stream: the whole view first, then a registration as a change under a kilobyte.
        using var events = await http.GetAsync("/truc-tiep/1/su-kien", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var first = await NextDataAsync(reader);
        Assert.Contains("\"full\":true", first);
        await portal.Services.GetRequiredService<SpeakerQueueService>().RegisterAsync(Secretary, 1,
            new SpeakerInput { Name = "Phạm Văn Xa", VillageOrOrganisation = "Thôn Hiển Văn", Topic = "Thủ tục" });
        var change = await NextDataAsync(reader);
        Assert.DoesNotContain("\"full\"", change);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(change) < 1024, $"a change of {System.Text.Encoding.UTF8.GetByteCount(change)} bytes");
        Assert.DoesNotContain("Phạm Văn Xa", change);
        Assert.Contains("Thôn Hiển Văn", change);
    }

    [Fact]
    public async Task A_change_the_hall_does_not_announce_reaches_a_new_page_within_seconds()
    {
        await using var portal = await DemoSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        Assert.DoesNotContain("Nhà văn hóa thôn Châu Me", await http.GetStringAsync("/truc-tiep/1", TestContext.Current.CancellationToken));

        // The dialogue's place corrected on its page: the hall announces nothing.
        await using (var db = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>().CreateDbContext())
        {
            db.Dialogues.Single(d => d.Id == 1).Venue = "Nhà văn hóa thôn Châu Me";
            db.SaveChanges();
        }
        await Task.Delay(TimeSpan.FromSeconds(5.5), TestContext.Current.CancellationToken);

        Assert.Contains("Nhà văn hóa thôn Châu Me", await http.GetStringAsync("/truc-tiep/1", TestContext.Current.CancellationToken));
    }

    private static async Task<string> NextDataAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return line["data: ".Length..];
        throw new InvalidOperationException("the stream ended");
    }

    /// <summary>What the hall did shows on the phone within a second (the issue's bound), waited for up to ten to say how late.</summary>
    private static async Task WithinASecondAsync(IPage phone, string condition, string what)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await phone.WaitForFunctionAsync(condition, null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{what} never reached the live page, which shows: {await phone.Locator("body").InnerTextAsync()}", ex);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{what} took {clock.Elapsed.TotalMilliseconds:F0} ms to reach the live page");
    }
}
