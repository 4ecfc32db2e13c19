using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PhoChau.Core.Speakers;
using PhoChau.Portal.Hubs;

namespace PhoChau.Tests.EndToEnd;

/// <summary>Signing out (anywhere) or being deactivated ends what that user has open: the hall's hub connections and consoles.</summary>
public sealed class SignOutEndsEverythingTests
{
    /// <summary>The sign-out form, posted from another browser of the same user (a new security stamp).</summary>
    private static async Task SignOutElsewhereAsync(RunningPortal portal, string user)
    {
        using var other = PortalSignIn.Client(portal.BaseUrl, await PortalSignIn.CookiesAsync(portal.BaseUrl, user, PortalFactory.UserPassword));
        var token = PortalFactory.AntiforgeryToken(await other.GetStringAsync("/"));
        var response = await other.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HubConnection> JoinedAsync(RunningPortal portal, string user, TaskCompletionSource closed)
    {
        var connection = HubClient.Build(portal.BaseUrl, await PortalSignIn.CookiesAsync(portal.BaseUrl, user, PortalFactory.UserPassword));
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();
        await connection.InvokeAsync<QueueChangedMessage>("JoinSession", 1);
        return connection;
    }

    [Fact]
    public async Task A_hub_connection_opened_before_a_sign_out_elsewhere_or_a_deactivation_is_closed_and_registers_nobody()
    {
        await using var portal = await DemoSession.StartAsync();
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        var before = (await queue.GetStateAsync(1)).Queue.Count;

        var signedOutClosed = new TaskCompletionSource();
        await using var secretary = await JoinedAsync(portal, "thuky", signedOutClosed);
        await SignOutElsewhereAsync(portal, "thuky");
        await signedOutClosed.Task.WaitAsync(TimeSpan.FromSeconds(15)); // closed by the portal within seconds
        await Assert.ThrowsAnyAsync<Exception>(() => secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Sau Đăng Xuất", "Thôn Tân Hy", "Đất đai"));

        // The chairman, deactivated by the administrator while his console's connection is open.
        var deactivatedClosed = new TaskCompletionSource();
        await using var chair = await JoinedAsync(portal, "chutich", deactivatedClosed);
        var admin = new Actor("other", "quantri", new HashSet<string> { Roles.Administrator });
        var accounts = portal.Services.GetRequiredService<UserAdminService>();
        await accounts.SetActiveAsync(admin, (await accounts.ListAsync(admin)).Single(u => u.UserName == "chutich").Id, false);
        await deactivatedClosed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Assert.ThrowsAnyAsync<Exception>(() => chair.InvokeAsync<QueueChangedMessage>("CallNext", 1, null));

        Assert.Equal(before, (await queue.GetStateAsync(1)).Queue.Count);
        Assert.DoesNotContain((await queue.GetStateAsync(1)).Queue, q => q.Name == "Sau Đăng Xuất");
    }

    /// <summary>
    /// Issue 32.9: a secretary made a viewer loses the hub connection opened as a secretary (a speaker was registered
    /// 8 s after); a user signed out on one connection and signed in afresh on another keeps only the fresh one.
    /// </summary>
    [Fact]
    public async Task A_role_change_closes_the_connections_of_the_old_role_and_a_fresh_sign_in_does_not_keep_a_signed_out_one_open()
    {
        await using var portal = await DemoSession.StartAsync();
        var queue = portal.Services.GetRequiredService<SpeakerQueueService>();
        var admin = new Actor("other", "quantri", new HashSet<string> { Roles.Administrator });
        var accounts = portal.Services.GetRequiredService<UserAdminService>();

        var demotedClosed = new TaskCompletionSource();
        await using var secretary = await JoinedAsync(portal, "thuky", demotedClosed);
        var account = (await accounts.ListAsync(admin)).Single(u => u.UserName == "thuky");
        await accounts.UpdateAsync(admin, account.Id, new UserInput { UserName = "thuky", FullName = account.FullName, Role = Roles.Viewer });
        await demotedClosed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Assert.ThrowsAnyAsync<Exception>(() => secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Sau Đổi Vai Trò", "Thôn Tân Hy", "Đất đai"));
        Assert.DoesNotContain((await queue.GetStateAsync(1)).Queue, q => q.Name == "Sau Đổi Vai Trò");

        // The chairman: an old connection, then a sign-out elsewhere and a fresh sign-in with its own connection.
        var oldClosed = new TaskCompletionSource();
        await using var old = await JoinedAsync(portal, "chutich", oldClosed);
        await SignOutElsewhereAsync(portal, "chutich");
        var freshClosed = new TaskCompletionSource();
        await using var fresh = await JoinedAsync(portal, "chutich", freshClosed);
        await oldClosed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(HubSessionGuard.Interval * 2);
        Assert.False(freshClosed.Task.IsCompleted, "the fresh sign-in's connection was closed too");
        Assert.NotNull(await fresh.InvokeAsync<QueueChangedMessage>("JoinSession", 1));
    }

    [Fact]
    public async Task A_call_made_before_the_sweep_reaches_the_connection_is_refused_with_the_reason()
    {
        await using var portal = await DemoSession.StartAsync();
        var closed = new TaskCompletionSource();
        await using var secretary = await JoinedAsync(portal, "thuky", closed);
        await Task.Delay(HubSessionGuard.Interval + TimeSpan.FromMilliseconds(200)); // the connection's last check is old
        await SignOutElsewhereAsync(portal, "thuky");
        try
        {
            await secretary.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Sau Đăng Xuất", "Thôn Tân Hy", "Đất đai");
            Assert.Fail("the call went through after the sign-out");
        }
        catch (HubException ex) { Assert.Contains("Phiên đăng nhập đã kết thúc", ex.Message); }
        catch (Exception) when (closed.Task.IsCompleted) { } // the sweep closed it first: refused all the same
        Assert.DoesNotContain((await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1)).Queue, q => q.Name == "Sau Đăng Xuất");
    }

    [Fact]
    public async Task The_chair_console_open_in_one_browser_is_refused_once_the_chairman_signs_out_in_another()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await DemoSession.StartAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var chair = await context.NewPageAsync();
        await Browser.SignInAsync(chair, portal.BaseUrl, "chutich", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(chair, portal.BaseUrl + "/sessions/1/chair");
        await chair.WaitForSelectorAsync("[data-testid=call-next]");
        var before = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);

        await SignOutElsewhereAsync(portal, "chutich");

        // Within seconds the open console leaves for the sign-in page; the N key calls nobody.
        await chair.WaitForURLAsync(u => u.Contains("/account/login"), new() { Timeout = 20_000 });
        await chair.Keyboard.PressAsync("N");
        var after = await portal.Services.GetRequiredService<SpeakerQueueService>().GetStateAsync(1);
        Assert.Equal(before.Version, after.Version);
    }
}
