using PhoChau.Core.AfterSession;
using Bunit;
using MudBlazor;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Portal.Features.Reports;

namespace PhoChau.Tests.Portal.Reports;

public sealed class AfterSessionPageTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        services.AddSingleton(Core.Get<AfterSessionService>());
        services.AddSingleton(Core.Get<DialogueService>());
        services.AddSingleton(Core.Get<PhoChau.Core.Reports.Issuing.IssuingService>());
        services.AddSingleton(Core.Get<PhoChau.Core.Reports.Issuing.SigningPluginService>());
        services.AddSingleton(Core.Get<DocumentService>());
        services.AddSingleton(Core.Get<PhoChau.Core.Records.OutgoingRegisterService>());
        services.AddSingleton(Core.Get<Microsoft.Extensions.Options.IOptionsMonitor<PhoChau.Core.Reports.Issuing.SigningOptions>>());
    }

    [Fact]
    public async Task The_secretary_drafts_edits_and_finalises_the_minutes_then_drafts_the_notice()
    {
        var (d, _, _) = await ConcludedSession.ArrangeAsync(Core);
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<AfterSessionPage>(p => p.Add(x => x.Id, d.Id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=draft-minutes]")));
        cut.Find("[data-testid=draft-minutes]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Nguyễn Văn An (Thôn Vĩnh Tuy)", cut.Find("textarea[data-testid=minutes-text]").GetAttribute("value") ?? cut.Find("textarea[data-testid=minutes-text]").TextContent));
        cut.Find("textarea[data-testid=minutes-text]").Change("Biên bản đã chỉnh sửa bởi thư ký.");
        cut.Find("[data-testid=finalise-minutes]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Biên bản đã chỉnh sửa bởi thư ký.", cut.Find("[data-testid=minutes-final]").TextContent));
        var versions = await Core.Get<AfterSessionService>().MinutesVersionsAsync(d.Id);
        Assert.True(Assert.Single(versions).IsFinal);

        cut.Find("[data-testid=draft-notice]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Dự thảo", cut.Find("[data-testid=notice-state]").TextContent));
        // Due 5 working days after Mon 2/3/2026 → Mon 9/3; the test clock is 2/3: 5 working days left.
        Assert.Contains("09/03/2026", cut.Find("[data-testid=notice-due]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=approve-notice]")); // only the chair approves
    }

    /// <summary>Issue 33.1: a petition left without a department is named, with a link to settle it, and the papers cannot be issued.</summary>
    [Fact]
    public async Task A_petition_left_without_a_department_is_listed_with_a_link_and_the_three_papers_cannot_be_issued()
    {
        var (d, _, _) = await ConcludedSession.ArrangeAsync(Core);
        var raised = await WorkflowData.PetitionAsync(Core, d.Id, "Phạm Thị Dung"); // raised in the hall, recorded after it
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var after = Render<AfterSessionPage>(p => p.Add(x => x.Id, d.Id));
        after.WaitForAssertion(() => Assert.Contains(raised.Code, after.Find("[data-testid=undecided]").TextContent));
        Assert.Equal($"/petitions/{raised.Id}", after.Find("[data-testid=undecided] a[data-testid=unfinished-petition]").GetAttribute("href"));
        after.Find("[data-testid=draft-notice]").Click();
        after.WaitForAssertion(() => Assert.Contains("(chưa giao bộ phận)", after.Find("textarea[data-testid=notice-text]").GetAttribute("value") ?? after.Find("textarea[data-testid=notice-text]").TextContent));

        var issuing = Render<IssuingPage>(p => p.Add(x => x.Id, d.Id));
        foreach (var kind in new[] { DocumentKind.Minutes, DocumentKind.Notice, DocumentKind.ResultsReport })
        {
            issuing.WaitForAssertion(() => Assert.Contains($"{raised.Code}: chưa giao bộ phận", issuing.Find($"[data-testid=unfinished-{kind}]").TextContent));
            Assert.True(issuing.Find($"[data-testid=issue-{kind}]").HasAttribute("disabled"));
        }
        Assert.False(issuing.Find("[data-testid=issue-Plan]").HasAttribute("disabled")); // the papers before the session are not held back
        Assert.Empty(issuing.FindAll("[data-testid=unfinished-Plan]"));
    }

    /// <summary>
    /// Issue 33.7: on the issuing page each paper is its own form; a number another document holds is said under that
    /// paper's number, not under the others' nor in a toast.
    /// </summary>
    [Fact]
    public async Task A_number_already_taken_is_said_under_the_number_of_the_paper_being_issued()
    {
        var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(Core); // 12/TB-UBND
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<IssuingPage>(p => p.Add(x => x.Id, d.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("input[data-testid=issue-number-Plan]")));

        cut.Find("input[data-testid=issue-number-Plan]").Change("12/KH-UBND");
        cut.Find("[data-testid=issue-Plan]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Số tiếp theo còn trống", cut.FieldError("issue-number-Plan")));
        Assert.Null(cut.FieldError("issue-number-Minutes"));
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
        Assert.DoesNotContain("Số tiếp theo còn trống", snackbar.Markup);
    }

    /// <summary>Issue 33.2: the outgoing register's page lists the year's numbers and records a document issued elsewhere.</summary>
    [Fact]
    public async Task The_register_page_lists_the_years_numbers_and_records_a_document_issued_elsewhere()
    {
        var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(Core); // 12/TB-UBND
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<OutgoingRegisterPage>();
        cut.WaitForAssertion(() => Assert.Contains("12/TB-UBND", cut.Find("[data-testid=register-row]").TextContent));
        Assert.Equal($"/dialogues/{d.Id}/ky-so", cut.Find("[data-testid=register-row] a").GetAttribute("href"));

        cut.Find("input[data-testid=register-number]").Change("12/QĐ-UBND");
        cut.Find("input[data-testid=register-summary]").Change("Quyết định khen thưởng");
        cut.Find("[data-testid=register-add]").Click();
        // 12 is the notice's: said under the number (issue 33.7), not in a toast.
        cut.WaitForAssertion(() => Assert.Contains("Số tiếp theo còn trống: 13/QĐ-UBND", cut.FieldError("register-number")));
        Assert.DoesNotContain("Số tiếp theo còn trống", snackbar.Markup);
        cut.Find("input[data-testid=register-number]").Change("13/QĐ-UBND");
        cut.WaitForAssertion(() => Assert.Null(cut.FieldError("register-number"))); // another number: the refusal goes
        cut.Find("[data-testid=register-add]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=register-row]").Count));
        Assert.Contains("Quyết định khen thưởng", cut.FindAll("[data-testid=register-row]")[1].TextContent);
    }
}
