using Bunit;
using MudBlazor;
using PhoChau.Core.Records;
using PhoChau.Core.Dialogues;
using PhoChau.Portal.Features.Dialogues;

namespace PhoChau.Tests.Portal.Dialogues;

public sealed class DialogueEditPageTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        services.AddSingleton(Core.Get<DialogueService>());
        services.AddSingleton(Core.Get<DialogueInputValidator>());
        services.AddSingleton(Core.Get<PublicationService>());
        services.AddSingleton(Core.Get<ClusterService>());
        services.AddSingleton(Core.Get<ClusterSessions>());
    }

    [Fact]
    public async Task The_page_lists_the_cluster_sessions_announces_them_and_says_why_a_cluster_without_a_village_is_refused()
    {
        var d = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        var village = await WorkflowData.VillageAsync(Core, "Thôn Vĩnh Tuy");
        await Core.Get<ClusterService>().AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput
        {
            Name = "Cụm 1", VillageIds = [village.Id], SessionDate = new DateOnly(2026, 4, 13), StartTime = new TimeOnly(8, 0), Venue = "Nhà văn hóa thôn Vĩnh Tuy",
        });
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<DialogueEditPage>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=cluster-row]")));
        var row = cut.Find("[data-testid=cluster-row]").TextContent;
        Assert.Contains("Cụm 1", row);
        Assert.Contains("Thôn Vĩnh Tuy", row);
        Assert.Contains("13/04/2026 08:00", row);
        Assert.Contains("+ Cụm 1 (gồm Thôn Vĩnh Tuy): 08 giờ 00 phút, ngày 13/04/2026, tại Nhà văn hóa thôn Vĩnh Tuy.", cut.Find("[data-testid=announcement]").TextContent);

        // A second cluster with a name but no village: refused in Vietnamese, nothing added.
        cut.Find("input[data-testid=cluster-name]").Change("Cụm 2");
        cut.Find("[data-testid=cluster-add]").Click();
        // Issue 33.7: under the field it is about (the villages), not beside the button nor in a toast.
        cut.WaitForAssertion(() => Assert.Contains("Cụm thôn phải có ít nhất một thôn.", cut.FieldError("cluster-villages")));
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
        Assert.DoesNotContain("Cụm thôn phải có ít nhất một thôn.", snackbar.Markup);
        Assert.Single(await Core.Get<ClusterSessions>().ListAsync(d.Id));
    }

    [Fact]
    public async Task The_dialogue_page_warns_of_results_not_published_in_ten_days_and_lists_each_channel()
    {
        var (d, _, _) = await ConcludedSession.ArrangeAsync(Core); // held 2/3/2026
        await Core.Get<PublicationService>().RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.NoticeBoard, new DateOnly(2026, 3, 2), "niem-yet.pdf", "%PDF-1.4"u8.ToArray(), null);
        Core.Clock.Advance(TimeSpan.FromDays(11));
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<LawPanel>(p => p.Add(x => x.DialogueId, d.Id).Add(x => x.CanRecord, true));
        cut.WaitForAssertion(() => Assert.Equal("ResultsNotPublished", cut.Find("[data-testid=law-warning]").GetAttribute("data-kind")));
        Assert.Contains("12/03/2026", cut.Find("[data-testid=law-warning]").TextContent);
        Assert.Contains("niem-yet.pdf", cut.Find("[data-testid=publication-NoticeBoard]").TextContent);
        Assert.Contains("—", cut.Find("[data-testid=publication-Media]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=publication-proof]"));
    }

    [Fact]
    public async Task The_secretary_changes_a_deadlines_working_days_and_sees_the_new_due_date()
    {
        var d = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<DialogueEditPage>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=deadline-row]").Count));
        // Answers: 7 working days before Tue 14/4/2026 → Fri 3/4/2026.
        Assert.Contains("03/04/2026", cut.FindAll("[data-testid=deadline-row]")[0].TextContent);

        cut.FindAll("input[data-testid=deadline-days]")[0].Change("10");
        cut.Find("[data-testid=deadline-save]").Click();

        // 10 before: 13, 10, 9, 8, 7, 6, 3, 2, 1/4, 31/3 → Tue 31/3/2026.
        cut.WaitForAssertion(() => Assert.Contains("31/03/2026", cut.FindAll("[data-testid=deadline-row]")[0].TextContent));
        Assert.Equal(new DateOnly(2026, 3, 31), (await Core.Get<DeadlineService>().ListAsync(d.Id)).Single(x => x.Key == DeadlineKeys.Answers).DueDate);
        Assert.Contains("Hội trường UBND xã Phổ Châu", cut.Find("[data-testid=announcement]").TextContent);
    }

    [Fact]
    public async Task An_empty_title_is_marked_under_the_field_and_no_dialogue_is_made()
    {
        SignInAs("thuky", Roles.Secretary);
        Render<MudBlazor.MudPopoverProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        var cut = Render<PhoChau.Portal.Features.Dialogues.DialogueEditPage>();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=dialogue-title]"));
        cut.Find("input[data-testid=dialogue-title]").Change("");
        cut.Find("[data-testid=save-dialogue]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Tên buổi đối thoại không được để trống",
            cut.Find("[data-testid=dialogue-title]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")!.TextContent));
        Assert.Empty(await Core.Get<DialogueService>().ListAsync());
    }

    /// <summary>Issue 33.6: Save on a new form nobody touched creates no dialogue, and says why.</summary>
    [Fact]
    public async Task Save_on_an_untouched_new_form_creates_nothing_and_says_so_then_a_changed_one_is_saved()
    {
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var before = (await Core.Get<DialogueService>().ListAsync()).Count;
        var cut = Render<DialogueEditPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=save-dialogue]")));

        cut.Find("[data-testid=save-dialogue]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Chưa có gì được nhập", cut.Find("[data-testid=nothing-to-save]").TextContent));
        Assert.Equal(before, (await Core.Get<DialogueService>().ListAsync()).Count);

        cut.Find("input[data-testid=dialogue-venue]").Change("Nhà văn hóa thôn Vĩnh Tuy");
        cut.Find("[data-testid=save-dialogue]").Click();
        cut.WaitForAssertion(() => Assert.Equal(before + 1, Core.Get<DialogueService>().ListAsync().Result.Count));
    }

    /// <summary>Issue 33.6: the same proof file for a second channel is recorded and said, not silently passed over.</summary>
    [Fact]
    public async Task The_same_proof_file_for_a_second_channel_is_recorded_and_the_page_says_so()
    {
        var (d, _, _) = await ConcludedSession.ArrangeAsync(Core); // held 2/3/2026
        var proof = "%PDF-1.4 niêm yết"u8.ToArray();
        Assert.Empty(await Core.Get<PublicationService>().RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.NoticeBoard, new DateOnly(2026, 3, 2), "niem-yet.pdf", proof, null));
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<LawPanel>(p => p.Add(x => x.DialogueId, d.Id).Add(x => x.CanRecord, true));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=publication-Media]")));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(proof, "niem-yet.pdf")); // for the media, the default channel

        snackbar.WaitForAssertion(() => Assert.Contains("cũng là minh chứng của kênh", snackbar.Markup));
        cut.WaitForAssertion(() => Assert.Contains("niem-yet.pdf", cut.Find("[data-testid=publication-Media]").TextContent));
        Assert.Equal([PublicationChannel.NoticeBoard],
            await Core.Get<PublicationService>().RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.VillageHeads, new DateOnly(2026, 3, 2), "x.pdf", proof, null) is var same
                ? same.Where(c => c == PublicationChannel.NoticeBoard).ToList() : []);
    }

    /// <summary>Issue 33.7: a refused save is said beside the form's button, and an earlier "Đã lưu." does not stay beside it.</summary>
    [Fact]
    public async Task A_refused_save_is_said_beside_the_button_and_the_last_saved_message_goes()
    {
        var d = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<DialogueEditPage>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=save-dialogue]")));
        cut.Find("input[data-testid=dialogue-venue]").Change("Nhà văn hóa thôn Vĩnh Tuy");
        cut.Find("[data-testid=save-dialogue]").Click();
        snackbar.WaitForAssertion(() => Assert.Contains("Đã lưu", snackbar.Markup));

        // Another screen saved it meanwhile: this save is refused (a stale version).
        var current = await Core.Get<DialogueService>().GetAsync(d.Id);
        var other = DialogueInput.From(current, await Core.Get<DialogueService>().ParticipantIdsAsync(d.Id));
        other.Title += " (đã sửa ở máy khác)";
        await Core.Get<DialogueService>().UpdateAsync(CoreTestHost.Secretary, d.Id, current.Version, other);
        cut.Find("input[data-testid=dialogue-venue]").Change("Hội trường UBND xã");
        cut.Find("[data-testid=save-dialogue]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=form-error]")));
        snackbar.WaitForAssertion(() => Assert.DoesNotContain("Đã lưu", snackbar.Markup));
    }

    /// <summary>
    /// Issue 33.7: a rule only the service checks (a session on a Saturday) is said under the date field, not beside
    /// the button nor in a toast; it goes once the date is changed, and the next save goes through.
    /// </summary>
    [Fact]
    public async Task A_weekend_session_date_is_refused_under_the_date_field_and_the_message_goes_when_the_date_changes()
    {
        var d = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<DialogueEditPage>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=save-dialogue]")));

        cut.Find("input[data-testid=dialogue-date]").Change("18/04/2026"); // a Saturday
        cut.Find("[data-testid=save-dialogue]").Click();

        cut.WaitForAssertion(() => Assert.Contains("thứ Bảy hoặc Chủ nhật", cut.FieldError("dialogue-date")));
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
        Assert.DoesNotContain("thứ Bảy hoặc Chủ nhật", snackbar.Markup);
        Assert.Null(cut.FieldError("dialogue-venue")); // only the field refused says so
        Assert.Equal(new DateOnly(2026, 4, 14), (await Core.Get<DialogueService>().GetAsync(d.Id)).SessionDate);

        cut.Find("input[data-testid=dialogue-date]").Change("21/04/2026");
        cut.WaitForAssertion(() => Assert.Null(cut.FieldError("dialogue-date")));
        cut.Find("[data-testid=save-dialogue]").Click();
        snackbar.WaitForAssertion(() => Assert.Contains("Đã lưu", snackbar.Markup));
        Assert.Equal(new DateOnly(2026, 4, 21), (await Core.Get<DialogueService>().GetAsync(d.Id)).SessionDate);
    }

    /// <summary>
    /// Issue 33.7: a refused field keeps the form from being sent unchanged only until the next try: a save after the
    /// refusal checks the fields again (the rule may have changed meanwhile) rather than trusting the old message.
    /// </summary>
    [Fact]
    public async Task A_duplicate_dialogue_is_refused_under_its_title_and_saved_once_the_other_is_cancelled()
    {
        var first = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        var twin = DialogueInput.From(first, []);
        twin.Venue = "Nhà văn hóa thôn Vĩnh Tuy";
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<DialogueEditPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=save-dialogue]")));
        cut.Find("input[data-testid=dialogue-title]").Change(first.Title);
        cut.Find("input[data-testid=dialogue-date]").Change("14/04/2026");
        cut.Find("[data-testid=save-dialogue]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Đã có buổi đối thoại", cut.FieldError("dialogue-title")));
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
        var count = (await Core.Get<DialogueService>().ListAsync()).Count;

        await Core.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, first.Id, DialogueState.Cancelled);
        cut.Find("[data-testid=save-dialogue]").Click(); // the same values: checked again, now accepted
        cut.WaitForAssertion(() => Assert.Equal(count + 1, Core.Get<DialogueService>().ListAsync().Result.Count));
        Assert.Null(cut.FieldError("dialogue-title"));
    }
}
