using PhoChau.Core.AfterSession;
using Bunit;
using MudBlazor;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Reports;
using PhoChau.Portal.Features.Reports;

namespace PhoChau.Tests.Portal.Reports;

public sealed class AfterSessionPageTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        services.AddSingleton(Core.Get<AfterSessionService>());
        services.AddSingleton(Core.Get<DialogueService>());
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
}
