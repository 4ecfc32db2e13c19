using Bunit;
using MudBlazor;
using PhoChau.Core.Departments;
using PhoChau.Portal.Features.Departments;

namespace PhoChau.Tests.Portal.Departments;

public sealed class DepartmentsPageTests : PortalBunitContext
{
    private IRenderedComponent<DepartmentsPage> RenderPage()
    {
        Render<MudSnackbarProvider>();
        return Render<DepartmentsPage>();
    }

    [Fact]
    public void Everyone_signed_in_sees_the_seeded_departments()
    {
        SignInAs("xem", Roles.Viewer);
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("Địa chính - Nông nghiệp - Xây dựng và Môi trường", cut.Markup));
        var names = cut.FindAll("[data-testid=departments] [data-testid=unit-name]").Select(e => e.TextContent).ToList();
        Assert.Equal(ReferenceUnits.Departments, names);
        Assert.Empty(cut.FindAll("[data-testid=add-unit]"));
    }

    [Fact]
    public async Task The_administrator_adds_a_department_from_the_page()
    {
        SignInAs("admin", Roles.Administrator);
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=departments] [data-testid=add-unit]")));
        cut.Find("[data-testid=departments] input[data-testid=new-unit-name]").Input("Bộ phận Một cửa");
        cut.Find("[data-testid=departments] [data-testid=add-unit]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Bộ phận Một cửa",
            cut.FindAll("[data-testid=departments] [data-testid=unit-name]").Select(e => e.TextContent)));
        Assert.Contains(await Core.Get<DepartmentService>().ListAsync(), d => d.Name == "Bộ phận Một cửa");
    }

    [Fact]
    public void A_duplicate_name_shows_the_Vietnamese_message_and_keeps_what_was_typed()
    {
        SignInAs("admin", Roles.Administrator);
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<DepartmentsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=departments] [data-testid=add-unit]")));
        cut.Find("[data-testid=departments] input[data-testid=new-unit-name]").Input("Công an xã");
        cut.Find("[data-testid=departments] [data-testid=add-unit]").Click();
        // Issue 33.7: under the name typed in the list it was added to, not the other list, nor a toast.
        cut.WaitForAssertion(() => Assert.Contains("Đã có bộ phận tên", FieldErrors.Of(cut.Find("[data-testid=departments] input[data-testid=new-unit-name]"))));
        Assert.Null(FieldErrors.Of(cut.Find("[data-testid=bodies] input[data-testid=new-unit-name]")));
        Assert.DoesNotContain("Đã có bộ phận tên", snackbar.Markup);
        Assert.Equal("Công an xã", cut.Find("[data-testid=departments] input[data-testid=new-unit-name]").GetAttribute("value"));
    }

    [Fact]
    public void The_administrator_deactivates_a_department_which_stays_listed_as_inactive()
    {
        SignInAs("admin", Roles.Administrator);
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=departments] [data-testid=toggle-active]")));
        cut.FindAll("[data-testid=departments] [data-testid=toggle-active]")[0].Click();
        cut.WaitForAssertion(() => Assert.Contains("Ngừng hoạt động", cut.FindAll("[data-testid=departments] [data-testid=unit-row]")[0].TextContent));
        Assert.Equal(ReferenceUnits.Departments.Count, cut.FindAll("[data-testid=departments] [data-testid=unit-row]").Count);
    }
}
