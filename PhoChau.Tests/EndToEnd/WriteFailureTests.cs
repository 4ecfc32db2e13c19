using Microsoft.EntityFrameworkCore.Diagnostics;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// A database write that fails (a full disk) on the hall's screens: the operator reads why, what was typed stays,
/// the circuit lives on, and the same action works once the fault is gone, without F5.
/// </summary>
public sealed class WriteFailureTests
{
    private static async Task<(RunningPortal Portal, WriteFaults Faults)> StartAsync()
    {
        var faults = new WriteFaults();
        var portal = await RunningPortal.StartAsync(demo: true, configure: b => b.Services.AddSingleton<IInterceptor>(faults));
        await portal.Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(
            new Actor("s", "thuky", new HashSet<string> { Roles.Secretary }), 1, "Diễn tập");
        return (portal, faults);
    }

    [Fact]
    public async Task The_secretary_sees_why_a_registration_failed_keeps_what_she_typed_and_saves_it_once_the_disk_has_room()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        var (portal, faults) = await StartAsync();
        await using var ___ = portal;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await Browser.SignInAsync(page, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/sessions/1/hall");

        faults.Enabled = true;
        await page.FillAsync("input[data-testid=speaker-name]", "Hồ Thị Lệ");
        await page.FillAsync("input[data-testid=speaker-from]", "Thôn Vĩnh Tuy");
        await page.PressAsync("input[data-testid=speaker-from]", "Enter");

        var message = await page.WaitForSelectorAsync(".mud-snackbar:has-text('ổ đĩa chứa dữ liệu đã đầy')");
        Assert.Contains("vẫn còn trên màn hình", await message!.TextContentAsync());
        Assert.Equal("Hồ Thị Lệ", await page.InputValueAsync("input[data-testid=speaker-name]"));
        Assert.Equal("Thôn Vĩnh Tuy", await page.InputValueAsync("input[data-testid=speaker-from]"));
        Assert.DoesNotContain((await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1)).Queue, q => q.Name == "Hồ Thị Lệ");
        Assert.False(await page.IsVisibleAsync("#blazor-error-ui"), "the circuit is alive");

        faults.Enabled = false;
        await page.PressAsync("input[data-testid=speaker-from]", "Enter");

        await page.WaitForSelectorAsync("[data-testid=queue-name]:has-text('Hồ Thị Lệ')");
        Assert.Contains((await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1)).Queue, q => q.Name == "Hồ Thị Lệ");
        Assert.Equal("", await page.InputValueAsync("input[data-testid=speaker-name]"));
    }

    [Fact]
    public async Task The_chair_pressing_N_during_a_write_failure_is_told_why_and_N_works_once_the_fault_is_gone()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        var (portal, faults) = await StartAsync();
        await using var ___ = portal;
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        var first = (await queue.GetStateAsync(1)).Waiting[0];
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await Browser.SignInAsync(page, portal.BaseUrl, "chutich", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(page, portal.BaseUrl + "/sessions/1/chair");

        faults.Enabled = true;
        await page.Keyboard.PressAsync("n");

        await page.WaitForSelectorAsync(".mud-snackbar:has-text('ổ đĩa chứa dữ liệu đã đầy')");
        Assert.Null((await queue.GetStateAsync(1)).Current);
        Assert.False(await page.IsVisibleAsync("#blazor-error-ui"), "the circuit is alive");

        faults.Enabled = false;
        await page.Keyboard.PressAsync("n");

        await page.WaitForSelectorAsync($"[data-testid=current-name]:has-text('{first.Name}')");
        Assert.Equal(first.SpeakerId, (await queue.GetStateAsync(1)).Current?.SpeakerId);
        // The countdown runs from the saved start.
        var t1 = await page.TextContentAsync("[data-testid=chair-timer]");
        await page.WaitForFunctionAsync($"t => document.querySelector('[data-testid=chair-timer]').textContent.trim() !== t", t1!.Trim());
    }
}
