using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

public sealed class HallTests
{
    [Fact]
    public async Task Secretary_and_chair_see_each_others_changes_live_and_the_same_queue_after_a_restart()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        await using var secretaryContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await using var chairContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var secretary = await secretaryContext.NewPageAsync();
        var chair = await chairContext.NewPageAsync();

        await Browser.OpenSessionAsync(secretary, chair, portal.BaseUrl);

        // The secretary registers a speaker from the keyboard (Enter adds) with a petition raised on the spot.
        await secretary.FillAsync("input[data-testid=speaker-name]", "Võ Thị Mai");
        await secretary.FillAsync("input[data-testid=speaker-from]", "Thôn Tân Hy");
        await secretary.FillAsync("textarea[data-testid=speaker-new-petition]", "Đề nghị làm thủ tục khai sinh trực tuyến cho người cao tuổi.");
        await secretary.FillAsync("input[data-testid=speaker-topic]", "Hộ tịch");
        await secretary.PressAsync("input[data-testid=speaker-topic]", "Enter");
        await secretary.WaitForSelectorAsync("[data-testid=queue-name]:has-text('Võ Thị Mai')");
        // The focus moves back to the name once the add has finished, a moment after the queue shows her.
        await secretary.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'speaker-name'", null, new() { Timeout = 5_000 });
        Assert.Equal("speaker-name", await secretary.EvaluateAsync<string>("document.activeElement && document.activeElement.id"));

        // The chair's console shows her without a reload.
        await chair.WaitForSelectorAsync("[data-testid=next-name]:has-text('Võ Thị Mai')");

        // She raises a point of order; the chair calls her and assigns her petition to Tư pháp - Hộ tịch in one click.
        await secretary.ClickAsync("tr[data-testid=queue-row]:has-text('Võ Thị Mai') >> text=Ưu tiên");
        await chair.WaitForSelectorAsync("[data-testid=next-name] >> nth=0 >> text=Võ Thị Mai");
        await chair.ClickAsync("[data-testid=call-next]");
        await chair.WaitForSelectorAsync("[data-testid=current-name]:has-text('Võ Thị Mai')");
        await chair.ClickAsync("[data-testid=assign-dept]:has-text('Tư pháp - Hộ tịch')");

        // The secretary's view shows the department without a reload; the chair's console offers the outcome fields.
        await secretary.WaitForSelectorAsync("[data-testid=queue-petition-department]:has-text('Tư pháp - Hộ tịch')");
        await chair.WaitForSelectorAsync("[data-testid=settle]");
        Assert.Empty(await chair.QuerySelectorAllAsync("[data-testid=part-error]"));

        // The portal restarts mid-session: both screens come back by themselves with the same queue and speaker.
        var before = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);
        await portal.RestartAsync();
        await chair.WaitForSelectorAsync("[data-testid=current-name]:has-text('Võ Thị Mai')", new() { Timeout = 60_000 });
        await chair.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 60_000 });
        await secretary.WaitForSelectorAsync("[data-testid=queue-petition-department]:has-text('Tư pháp - Hộ tịch')", new() { Timeout = 60_000 });
        await secretary.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 60_000 });

        var secretaryNames = await secretary.Locator("[data-testid=queue-name]").AllTextContentsAsync();
        var chairNext = await chair.Locator("[data-testid=next-name]").AllTextContentsAsync();
        Assert.Equal(before.Queue.Select(q => q.Name), secretaryNames.Select(n => n.Trim()));
        Assert.Equal(before.Waiting.Select(w => w.Name), chairNext.Select(n => n.Trim()));
        var timer = await chair.TextContentAsync("[data-testid=chair-timer]");
        Assert.Matches(@"^-?\d\d:\d\d$", timer!.Trim());
    }

    [Fact]
    public async Task The_secretary_reorders_the_queue_by_drag_and_drop()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await Browser.SignInAsync(page, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/sessions/1/hall");
        await Browser.OpenFromConsoleAsync(page);
        var before = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);
        var third = before.Waiting[2];

        await page.DragAndDropAsync($"tr[data-speaker='{third.SpeakerId}']", $"tr[data-speaker='{before.Waiting[0].SpeakerId}']");

        await page.WaitForFunctionAsync($"() => document.querySelector(\"[data-testid=queue-name]\").textContent.trim() === '{third.Name}'");
        var after = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);
        Assert.Equal(third.SpeakerId, after.Waiting[0].SpeakerId);
        Assert.Equal(before.Queue.Count, after.Queue.Count);
    }
}
