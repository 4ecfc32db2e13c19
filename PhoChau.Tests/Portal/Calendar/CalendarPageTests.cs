using Bunit;
using MudBlazor;
using PhoChau.Portal.Features.Calendar;

namespace PhoChau.Tests.Portal.Calendar;

public sealed class CalendarPageTests : PortalBunitContext
{
    private IRenderedComponent<CalendarPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("[data-testid=month]").Count));
        return cut;
    }

    [Fact]
    public void The_year_view_marks_Tet_2026_and_the_make_up_Saturday()
    {
        SignInAs("xem", Roles.Viewer);
        var cut = RenderPage(); // the test clock is in 2026
        Assert.Equal("2026", cut.Find("[data-testid=year]").TextContent);
        Assert.Contains("cal-off", cut.Find("td[data-date='2026-02-16']").ClassName);
        Assert.Contains("cal-makeup", cut.Find("td[data-date='2026-01-10']").ClassName);
        Assert.Contains("cal-weekend", cut.Find("td[data-date='2026-02-14']").ClassName);
        Assert.DoesNotContain("cal-off", cut.Find("td[data-date='2026-11-24']").ClassName);
        Assert.Contains("1/1", cut.Find("td[data-date='2026-02-17']").TextContent); // Tết Bính Ngọ, lunar 1/1
        Assert.Contains("chính thức", cut.Find("[data-testid=source]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=corrections]"));
    }

    [Fact]
    public void A_year_without_an_official_schedule_says_so()
    {
        SignInAs("xem", Roles.Viewer);
        var cut = RenderPage();
        cut.Find("[data-testid=next-year]").Click();
        cut.WaitForAssertion(() => Assert.Equal("2027", cut.Find("[data-testid=year]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=rules-warning]"));
    }

    [Fact]
    public void The_calculator_counts_working_days_over_Tet()
    {
        SignInAs("thuky", Roles.Secretary);
        var cut = RenderPage();
        cut.Find("input[data-testid=calc-from]").Change("2026-02-12");
        cut.Find("input[data-testid=calc-days]").Change("3");
        cut.Find("[data-testid=calc-run]").Click();
        // Thu 12/2/2026 + 3: Fri 13 (1), Tết 16–20/2 off, Mon 23 (2), Tue 24 (3).
        cut.WaitForAssertion(() => Assert.Contains("24/02/2026", cut.Find("[data-testid=calc-result]").TextContent));
    }

    [Fact]
    public void The_administrator_adds_a_make_up_day_and_the_view_marks_it()
    {
        SignInAs("admin", Roles.Administrator);
        var cut = RenderPage();
        cut.Find("input[data-testid=corr-date]").Change("2026-09-12");
        cut.Find("input[data-testid=corr-name]").Change("Làm bù cho ngày 31/8/2026");
        cut.Find("input[data-testid=corr-reason]").Change("Thông báo 9441/TB-BNV");
        cut.Find("[data-testid=corr-add-makeup]").Click();
        cut.WaitForAssertion(() => Assert.Contains("cal-makeup", cut.Find("td[data-date='2026-09-12']").ClassName));
        Assert.Single(cut.FindAll("[data-testid=correction-row]"));
    }
}
