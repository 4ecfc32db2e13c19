using Bunit;
using MudBlazor;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Portal.Features.Hall;

namespace PhoChau.Tests.Portal.Hall;

public sealed class HallScreensTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        services.AddSingleton(Core.Get<SpeakerQueueService>());
        services.AddSingleton(Core.Get<HallSessionService>());
        services.AddSingleton(Core.Get<DialogueService>());
        services.AddSingleton(Core.Get<LiveSessionService>());
        services.AddSingleton<PhoChau.Portal.Features.Live.LiveFeed>();
        services.AddSingleton<PhoChau.Portal.Features.Live.LiveStream>();
        services.AddHttpClient();
        services.AddOptions<PhoChau.Portal.Features.Live.LiveOptions>();
        services.AddSingleton(Core.Get<SessionOutcomeService>());
        services.AddSingleton(Core.Get<HallNotifier>());
        services.AddSingleton(Core.Get<PetitionQuery>());
        services.AddSingleton(Core.Get<SpeakerRequestService>());
        services.AddSingleton(Core.Get<PhoChau.Core.Departments.VillageService>());
        services.AddSingleton(Core.Get<PhoChau.Core.Records.ClusterSessions>());
    }

    /// <summary>
    /// Issue 35: a dialogue by clusters held at the same time. From any cluster's chair console the chair opens the halls
    /// side by side: each hall's speaker, timer and next ones, live as each hall moves.
    /// </summary>
    [Fact]
    public async Task The_chair_sees_the_clusters_queues_side_by_side_and_live()
    {
        var (d, first, second, _) = await ClusterData.ArrangeAsync(Core, sameTime: true);
        await Core.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced); // its clusters with it
        var hall = Core.Get<HallSessionService>();
        var queue = Core.Get<SpeakerQueueService>();
        foreach (var session in new[] { first, second }) await hall.OpenSessionAsync(CoreTestHost.Chairman, session, "Diễn tập");
        await HallData.RegisterAsync(Core, first, "Nguyễn Văn Một", "Trần Thị Hai");
        await queue.CallNextAsync(CoreTestHost.Chairman, first, null);
        SignInAs("chutich", Roles.Chairman);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var console = Render<ChairConsole>(p => p.Add(x => x.Id, second));
        console.WaitForAssertion(() => Assert.Equal($"/sessions/{d.Id}/cac-cum", console.Find("[data-testid=clusters-link]").GetAttribute("href")));

        var board = Render<ClustersBoard>(p => p.Add(x => x.Id, second));
        board.WaitForAssertion(() => Assert.Equal(3, board.FindAll("[data-testid=cluster-column]").Count));
        Assert.Equal(["Hội trường chính", "Cụm 1", "Cụm 2"], board.FindAll("[data-testid=cluster-name]").Select(e => e.TextContent.Trim()));
        var column = (int session) => board.Find($"[data-testid=cluster-column][data-session='{session}']");
        Assert.Contains("Nguyễn Văn Một", column(first).QuerySelector("[data-testid=cluster-current]")!.TextContent);
        Assert.Equal("03:00", column(first).QuerySelector("[data-testid=cluster-timer]")!.TextContent.Trim());
        Assert.Contains("Trần Thị Hai", column(first).QuerySelector("[data-testid=cluster-next]")!.TextContent);
        Assert.Equal($"/truc-tiep/{second}?chieu=1", column(second).QuerySelector("[data-testid=cluster-live]")!.GetAttribute("href"));

        // The second cluster's hall moves: the board follows without a reload.
        await HallData.RegisterAsync(Core, second, "Lê Văn Ba");
        await queue.CallNextAsync(CoreTestHost.Chairman, second, null);
        board.WaitForAssertion(() => Assert.Contains("Lê Văn Ba", column(second).QuerySelector("[data-testid=cluster-current]")!.TextContent));
        Core.Clock.Advance(TimeSpan.FromSeconds(200));
        board.WaitForAssertion(() => Assert.Contains("over", column(first).QuerySelector("[data-testid=cluster-timer]")!.ClassName));

        // A cluster's own hall screen can switch to the main hall's live page, in large type.
        var display = Render<HallDisplay>(p => p.Add(x => x.Id, first));
        display.WaitForAssertion(() => Assert.Equal($"/truc-tiep/{d.Id}?chieu=1", display.Find("[data-testid=display-main-hall]").GetAttribute("href")));
    }

    [Fact]
    public async Task Ending_the_session_asks_for_confirmation_saying_how_many_are_still_waiting()
    {
        var d = await HallData.OpenSessionAsync(Core);
        await HallData.RegisterAsync(Core, d.Id, "A", "B", "C");
        SignInAs("chutich", Roles.Chairman);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<ChairConsole>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=conclude]")));
        cut.Find("textarea").Change("Các bộ phận trả lời bằng văn bản.");

        cut.Find("[data-testid=conclude]").Click();
        // The click counts who is still waiting before it asks: the question appears once that is read.
        cut.WaitForAssertion(() => Assert.Contains("Còn 3 người đăng ký đang chờ phát biểu", cut.Find("[data-testid=conclude-confirm]").TextContent));
        Assert.Equal(DialogueState.InSession, (await Core.Get<SpeakerQueueService>().GetStateAsync(d.Id)).State); // one click ends nothing

        cut.Find("[data-testid=conclude-no]").Click();
        Assert.Empty(cut.FindAll("[data-testid=conclude-confirm]"));
        Assert.Equal(DialogueState.InSession, (await Core.Get<SpeakerQueueService>().GetStateAsync(d.Id)).State);

        cut.Find("[data-testid=conclude]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=conclude-yes]")));
        cut.Find("[data-testid=conclude-yes]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Buổi đối thoại đã kết thúc", cut.Find("[data-testid=session-ended]").TextContent));
        Assert.Equal(DialogueState.Concluded, (await Core.Get<SpeakerQueueService>().GetStateAsync(d.Id)).State);
        Assert.Empty(cut.FindAll("[data-testid=next-row]"));
    }

    /// <summary>Issue 33.1: ending the session names the petitions no department answers yet (they hold the papers back).</summary>
    [Fact]
    public async Task Ending_the_session_names_the_petitions_still_without_a_department()
    {
        var d = await HallData.OpenSessionAsync(Core);
        var left = await WorkflowData.PetitionAsync(Core, d.Id, "Phạm Thị Dung");
        var given = await WorkflowData.PetitionAsync(Core, d.Id, "Nguyễn Văn An");
        await Core.Get<SessionOutcomeService>().AssignAsync(CoreTestHost.Chairman, given.Id, await WorkflowData.DepartmentIdAsync(Core));
        SignInAs("chutich", Roles.Chairman);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<ChairConsole>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=conclude]")));

        cut.Find("[data-testid=conclude]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Còn 1 kiến nghị chưa giao bộ phận", cut.Find("[data-testid=conclude-unassigned]").TextContent));
        Assert.Contains($"{left.Code} — Phạm Thị Dung", cut.Find("[data-testid=conclude-unassigned]").TextContent);
        Assert.DoesNotContain(given.Code, cut.Find("[data-testid=conclude-unassigned]").TextContent);
    }

    /// <summary>Issue 33.4: "Khai mạc" asks first; three weeks before the announced day it asks why, and keeps the date.</summary>
    [Fact]
    public async Task Opening_asks_first_and_on_another_day_asks_why_keeping_the_announced_date()
    {
        var d = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 3, 23)); // the test clock is 2/3/2026
        await WorkflowData.VillageAsync(Core);
        await Core.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<SecretaryConsole>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=open-session]")));

        cut.Find("[data-testid=open-session]").Click();
        cut.WaitForAssertion(() => Assert.Contains("23/03/2026", cut.Find("[data-testid=open-confirm]").TextContent));
        Assert.Equal(DialogueState.Announced, (await Core.Get<SpeakerQueueService>().GetStateAsync(d.Id)).State); // one click opens nothing
        cut.Find("[data-testid=open-yes]").Click(); // without the reason
        cut.WaitForAssertion(() => Assert.Contains("hãy ghi lý do", cut.FieldError("open-reason"))); // under the reason (issue 33.7)
        Assert.DoesNotContain("hãy ghi lý do", snackbar.Markup);
        Assert.Equal(DialogueState.Announced, (await Core.Get<SpeakerQueueService>().GetStateAsync(d.Id)).State);

        cut.Find("textarea[data-testid=open-reason]").Change("Diễn tập");
        cut.Find("[data-testid=open-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal(DialogueState.InSession, Core.Get<SpeakerQueueService>().GetStateAsync(d.Id).Result.State));
        Assert.Equal(new DateOnly(2026, 3, 23), (await Core.Get<SpeakerQueueService>().GetStateAsync(d.Id)).SessionDate);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=open-confirm]")));
        // Issue 33.6: the commune's villages are suggested in the "from" field.
        Assert.Equal("hall-villages", cut.Find("input[data-testid=speaker-from]").GetAttribute("list"));
        Assert.Contains(cut.FindAll("[data-testid=hall-villages] option"), o => o.GetAttribute("value") == "Thôn Vĩnh Tuy");
    }

    /// <summary>Issue 33 (beyond the peers): the chair sees, on his own screen, what the hall's screen shows.</summary>
    [Fact]
    public async Task The_chair_opens_a_preview_of_the_halls_screen()
    {
        var d = await HallData.OpenSessionAsync(Core);
        SignInAs("chutich", Roles.Chairman);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<ChairConsole>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=preview-toggle]")));
        Assert.Empty(cut.FindAll("[data-testid=projector-preview]"));

        cut.Find("[data-testid=preview-toggle]").Click();

        // The console re-renders when the click's handler has run (a loaded machine may take a moment).
        var frame = cut.WaitForElement("iframe[data-testid=projector-preview]");
        Assert.Equal($"/sessions/{d.Id}/display", frame.GetAttribute("src"));
        Assert.False(string.IsNullOrEmpty(frame.GetAttribute("title")));
    }

    [Fact]
    public async Task After_the_end_the_display_says_so_and_lists_no_next_speakers()
    {
        var d = await HallData.OpenSessionAsync(Core);
        await HallData.RegisterAsync(Core, d.Id, "A", "B");
        SignInAs("thuky", Roles.Secretary);
        Render<MudSnackbarProvider>();
        var cut = Render<HallDisplay>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=display-next]").Count));

        await Core.Get<HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Kết luận.");
        cut.WaitForAssertion(() => Assert.Contains("Buổi đối thoại đã kết thúc", cut.Find("[data-testid=display-ended]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=display-next]"));
        Assert.DoesNotContain("Người phát biểu tiếp theo", cut.Markup);
    }

    [Fact]
    public async Task A_save_that_succeeds_on_another_screen_clears_this_screens_disk_full_message()
    {
        var d = await HallData.OpenSessionAsync(Core);
        await HallData.RegisterAsync(Core, d.Id, "A", "B");
        SignInAs("chutich", Roles.Chairman);
        Render<MudPopoverProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<ChairConsole>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=call-next]")));
        // The chair's action fails on a full disk (the fault is raised from the page's own save path).
        await cut.InvokeAsync(() => cut.Instance.GetType().BaseType!.BaseType!
            .GetMethod("ShowFailure", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .Invoke(cut.Instance, [new Microsoft.Data.Sqlite.SqliteException("SQLite Error 13: 'database or disk is full'.", 13), false]));
        snackbars.WaitForAssertion(() => Assert.Contains("ổ đĩa chứa dữ liệu đã đầy", snackbars.Markup));

        // Space freed; the secretary's next registration is saved and announced to every screen.
        await HallData.RegisterAsync(Core, d.Id, "C");
        snackbars.WaitForAssertion(() => Assert.DoesNotContain("ổ đĩa chứa dữ liệu đã đầy", snackbars.Markup));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=next-row]").Count));
    }
}
