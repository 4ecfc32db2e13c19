using Bunit;
using Microsoft.Data.Sqlite;
using MudBlazor;
using PhoChau.Portal.Components.Shared;

namespace PhoChau.Tests.Portal.Shell;

public sealed class FaultMessageTests : PortalBunitContext
{
    [Fact]
    public async Task The_disk_full_message_goes_once_the_next_save_succeeds()
    {
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<Saver>();
        var disk = new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);

        await cut.InvokeAsync(() => cut.Instance.SaveAsync(() => throw disk));
        snackbars.WaitForAssertion(() => Assert.Contains("ổ đĩa chứa dữ liệu đã đầy", snackbars.Markup));
        await cut.InvokeAsync(() => cut.Instance.SaveAsync(() => throw disk)); // the same fault twice: one message
        Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Severity == Severity.Error);

        cut.Instance.ReadOk(); // reads still work while the disk is full: the save's message stays
        Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Severity == Severity.Error);

        await cut.InvokeAsync(() => cut.Instance.SaveAsync(() => { })); // space freed: the save succeeds
        snackbars.WaitForAssertion(() => Assert.DoesNotContain("ổ đĩa chứa dữ liệu đã đầy", snackbars.Markup));
        Assert.DoesNotContain(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Severity == Severity.Error);
    }

    /// <summary>A page that saves through the base class, as every page of the portal does.</summary>
    private sealed class Saver : PortalComponentBase
    {
        public Task<bool> SaveAsync(Action save) => RunAsync(() => { save(); return Task.CompletedTask; });

        public void ReadOk() => ClearFailure(read: true);
    }
}
