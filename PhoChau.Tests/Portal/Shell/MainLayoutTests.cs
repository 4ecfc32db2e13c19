using Bunit;
using Microsoft.AspNetCore.Components;
using PhoChau.Portal.Components.Layout;

namespace PhoChau.Tests.Portal.Shell;

public sealed class MainLayoutTests : PortalBunitContext
{
    [Fact]
    public void The_shell_shows_the_title_the_user_and_the_display_switch()
    {
        SignInAs("thuky", Roles.Secretary);
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='body'>nội dung</p>"))));
        Assert.Contains("Đối thoại CCHC", cut.Find("[data-testid=app-title]").TextContent);
        Assert.Equal("thuky", cut.Find("[data-testid=current-user]").TextContent);
        Assert.NotNull(cut.Find("#body"));
        Assert.Contains("English", cut.Find("[data-testid=language-switch]").TextContent);
    }

    [Fact]
    public void The_display_switch_cycles_to_the_high_contrast_projection_mode_and_remembers_it()
    {
        SignInAs("chutich", Roles.Chairman);
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(_ => { })));
        Assert.Empty(cut.FindAll(".phochau-projection"));
        cut.Find("[data-testid=display-mode]").Click(); // light → dark
        cut.Find("[data-testid=display-mode]").Click(); // dark → projection
        Assert.NotEmpty(cut.FindAll(".phochau-projection"));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "phochau.setPref" && Equals(i.Arguments[1], "Projection"));
    }
}
