using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>The chair's console and the hall display on a 1280×720 projector.</summary>
public sealed class ProjectorTests
{
    private static readonly Actor Secretary = new("s", "thuky", new HashSet<string> { Roles.Secretary });

    /// <summary>
    /// Where the screenshots go: a temporary folder, or the README's docs/ when PHOCHAU_UPDATE_DOCS=1 (so a test run
    /// leaves the checkout as it was).
    /// </summary>
    internal static string DocsFolder()
    {
        if (Environment.GetEnvironmentVariable("PHOCHAU_UPDATE_DOCS") != "1") return Path.Combine(Path.GetTempPath(), "phochau-docs");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "docs");
    }

    [Fact]
    public async Task On_a_1280x720_projector_the_chair_sees_and_reaches_everything_without_scrolling_or_a_menu()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await DemoSession.StartAsync();
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        // The next speaker with petitions is called, as the chair would.
        await using (var db = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>().CreateDbContext())
        {
            var petitionId = db.Petitions.Where(p => p.LeadDepartmentId != null && (p.State == PhoChau.Core.Petitions.PetitionState.Assigned
                || p.State == PhoChau.Core.Petitions.PetitionState.AnswerApproved)).OrderBy(p => p.Id).Select(p => p.Id).First();
            var state = await queue.RegisterAsync(Secretary, 1, new SpeakerInput { Name = "Huỳnh Thị Thu Hà", VillageOrOrganisation = "Thôn Châu Me", Topic = "Đất đai", PetitionIds = [petitionId] });
            state = await queue.MoveAsync(Secretary, 1, state.Queue[^1].SpeakerId, 0, state.Version);
            await queue.CallNextAsync(Secretary, 1, state.Version);
        }

        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var chair = await context.NewPageAsync();
        await Browser.SignInAsync(chair, portal.BaseUrl, "chutich", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(chair, portal.BaseUrl + "/sessions/1/chair");
        await chair.WaitForSelectorAsync("[data-testid=current-name]");
        await chair.WaitForSelectorAsync("[data-testid=settle]");
        Directory.CreateDirectory(DocsFolder());
        await chair.ScreenshotAsync(new() { Path = Path.Combine(DocsFolder(), "chair-console-1280x720.png") });

        Assert.False(await chair.IsVisibleAsync(".mud-drawer"), "the navigation menu takes room on the projector");
        Assert.True(await chair.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= window.innerHeight + 1"), "the console scrolls");
        foreach (var selector in new[] { "[data-testid=call-next]", "[data-testid=end-turn]", "[data-testid=settle]", "[data-testid=not-settled]",
                     "[data-testid=assign-dept] >> nth=0", "[data-testid=conclude]", "[data-testid=chair-timer]" })
        {
            var box = await chair.Locator(selector).BoundingBoxAsync();
            Assert.True(box is not null && box.Y >= 0 && box.Y + box.Height <= 720 && box.X + box.Width <= 1280, $"{selector} is off the screen");
        }
        // The name and the village are apart: separate elements, not one run of text.
        var name = (await chair.Locator("[data-testid=current-name]").BoundingBoxAsync())!;
        var village = (await chair.Locator("[data-testid=current-from]").BoundingBoxAsync())!;
        Assert.True(village.Y >= name.Y + name.Height - 1, "the village runs on from the name");
        var nextName = (await chair.Locator("[data-testid=next-name] >> nth=0").BoundingBoxAsync())!;
        var nextFrom = (await chair.Locator("[data-testid=next-from] >> nth=0").BoundingBoxAsync())!;
        Assert.True(nextFrom.X >= nextName.X + nextName.Width + 8 || nextFrom.Y >= nextName.Y + nextName.Height - 1, "next speaker's name and village run together");

        await using var displayContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var display = await displayContext.NewPageAsync();
        await Browser.SignInAsync(display, portal.BaseUrl, "xem", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(display, portal.BaseUrl + "/sessions/1/display");
        await display.WaitForSelectorAsync("[data-testid=display-current]");
        await display.ScreenshotAsync(new() { Path = Path.Combine(DocsFolder(), "hall-display-1280x720.png") });
        Assert.True(await display.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= window.innerHeight + 1"), "the display scrolls");
    }
}
