using Bunit;
using Microsoft.Extensions.Options;
using MudBlazor;
using PhoChau.Core.Backups;
using PhoChau.Portal.Features.Backups;
using PhoChau.Portal.Features.Home;

namespace PhoChau.Tests.Portal.Backups;

public sealed class BackupsPageTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        services.AddSingleton(Core.Get<BackupService>());
        services.AddSingleton(Core.Get<PhoChau.Core.Persistence.DatabaseInfo>());
        services.AddSingleton(Core.Get<IOptions<BackupOptions>>());
    }

    [Fact]
    public void Until_a_passphrase_is_set_the_page_warns_and_a_backup_is_refused_then_the_administrator_sets_it_there()
    {
        SignInAs("admin", Roles.Administrator);
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<BackupsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=passphrase-missing]")));

        cut.Find("[data-testid=backup-now]").Click();
        snackbar.WaitForAssertion(() => Assert.Contains("Chưa đặt mật khẩu sao lưu", snackbar.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(Core.Get<BackupService>().List());

        cut.Find("[data-testid=passphrase-new]").Input("mật khẩu sao lưu của xã");
        cut.Find("[data-testid=passphrase-confirm]").Input("mật khẩu sao lưu khác");
        cut.Find("[data-testid=passphrase-save]").Click();
        // Issue 33.7: under the confirmation, not in a toast; typing it again clears it.
        cut.WaitForAssertion(() => Assert.Contains("không giống nhau", cut.FieldError("passphrase-confirm")));
        Assert.DoesNotContain("không giống nhau", snackbar.Markup);
        Assert.False(Core.Get<BackupKey>().IsSet);

        cut.Find("[data-testid=passphrase-confirm]").Input("mật khẩu sao lưu của xã");
        cut.WaitForAssertion(() => Assert.Null(cut.FieldError("passphrase-confirm")));
        cut.Find("[data-testid=passphrase-save]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=passphrase-set]")), TimeSpan.FromSeconds(10));
        Assert.True(Core.Get<BackupKey>().IsSet);
        cut.Find("[data-testid=backup-now]").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=backup-row]")), TimeSpan.FromSeconds(10));
        // The passphrase itself is nowhere in the data folder.
        var needle = System.Text.Encoding.UTF8.GetBytes("mật khẩu sao lưu của xã");
        Assert.All(Directory.EnumerateFiles(Core.DataRoot, "*", SearchOption.AllDirectories),
            f => Assert.Equal(-1, File.ReadAllBytes(f).AsSpan().IndexOf(needle)));
    }

    [Fact]
    public void The_administrator_backs_up_from_the_page_and_sees_the_new_backup_listed_with_a_download_link()
    {
        Core.UseBackupPassphrase();
        SignInAs("admin", Roles.Administrator);
        Render<MudSnackbarProvider>();
        var cut = Render<BackupsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=backup-none]")));
        Assert.Contains(Core.Get<BackupService>().Folder, cut.Find("[data-testid=backup-folder]").TextContent);

        cut.Find("[data-testid=backup-now]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=backup-row]")), TimeSpan.FromSeconds(10));
        var file = Assert.Single(Core.Get<BackupService>().List());
        Assert.Contains(file.FileName, cut.Find("[data-testid=backup-row]").TextContent);
        Assert.Contains("Sao lưu thủ công", cut.Find("[data-testid=backup-row]").TextContent);
        Assert.Equal($"/admin/backups/{file.FileName}", cut.Find("[data-testid=backup-download]").GetAttribute("href"));
    }

    [Fact]
    public void A_failed_backup_shows_why_on_the_page()
    {
        Core.UseBackupPassphrase();
        SignInAs("admin", Roles.Administrator);
        Core.Get<BackupService>().OpenWrite = path => new FailingStream(File.Create(path), 100, FailingStream.DiskFull());
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<BackupsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=backup-now]")));

        cut.Find("[data-testid=backup-now]").Click();

        snackbar.WaitForAssertion(() => Assert.Contains("đã đầy", snackbar.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-testid=backup-row]"));
        // The message comes first, then the page renders the button usable again.
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=backup-now]").HasAttribute("disabled")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_dashboard_warns_when_there_is_no_backup_and_not_once_a_fresh_one_exists()
    {
        Core.UseBackupPassphrase();
        SignInAs("admin", Roles.Administrator);
        var first = Render<Dashboard>();
        first.WaitForAssertion(() => Assert.NotEmpty(first.FindAll("[data-testid=backup-age]")));
        Assert.Contains("Chưa có bản sao lưu nào", first.Find("[data-testid=backup-age]").TextContent);
        // A new installation (set up moments ago) raises no alarm before its first backup is due (issue 33.8).
        Assert.Empty(first.FindAll("[data-testid=backup-stale]"));
        Core.Clock.Advance(TimeSpan.FromDays(3));
        var late = Render<Dashboard>();
        late.WaitForAssertion(() => Assert.NotEmpty(late.FindAll("[data-testid=backup-stale]"))); // three days set up, never backed up

        await Core.Get<BackupService>().CreateAsync(BackupReason.Manual);
        Core.Clock.Advance(TimeSpan.FromHours(3));
        var second = Render<Dashboard>();
        second.WaitForAssertion(() => Assert.Contains("3 giờ", second.Find("[data-testid=backup-age]").TextContent));
        Assert.Empty(second.FindAll("[data-testid=backup-stale]"));

        Core.Clock.Advance(TimeSpan.FromDays(2));
        var third = Render<Dashboard>();
        third.WaitForAssertion(() => Assert.NotEmpty(third.FindAll("[data-testid=backup-stale]")));
    }

    [Fact]
    public void A_department_officer_does_not_see_the_backup_card()
    {
        SignInAs("canbo", Roles.DepartmentOfficer, 1);
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=dashboard-title]")));
        Assert.Empty(cut.FindAll("[data-testid=backup-age]"));
    }

    /// <summary>Issue 33.8: the chairman's dashboard shows the year in charts, and no backup alert he cannot act on.</summary>
    [Fact]
    public async Task The_chairman_sees_the_years_charts_and_not_the_backup_card()
    {
        var (d, _, _) = await ConcludedSession.ArrangeAsync(Core); // two petitions of 2026: one settled, one to answer in writing
        SignInAs("chutich", Roles.Chairman);
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("Năm 2026: 2 kiến nghị", cut.Find("[data-testid=year-title]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=backup-age]"));
        foreach (var chart in new[] { "chart-field", "chart-state", "chart-village", "chart-department" })
            Assert.NotEmpty(cut.FindAll($"[data-testid={chart}] svg")); // drawn by MudBlazor's bar chart
        Assert.Contains("Đã giải quyết tại buổi đối thoại", cut.Find("[data-testid=chart-state-figures]").TextContent);
        Assert.Contains("năm trước 0", cut.Find("[data-testid=chart-state-figures]").TextContent); // every chart beside the year before
        Assert.Contains("năm trước 0", cut.Find("[data-testid=chart-field-figures]").TextContent);
        Assert.Contains("Chưa có số liệu", cut.Find("[data-testid=chart-satisfaction]").TextContent);
    }
}
