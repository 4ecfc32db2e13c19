using Bunit;
using PhoChau.Portal.Components.Layout;

namespace PhoChau.Tests.Portal.Shell;

public sealed class NavMenuTests : PortalBunitContext
{
    [Fact]
    public void The_administrator_sees_the_administration_links_in_Vietnamese()
    {
        SignInAs("admin", Roles.Administrator);
        var cut = Render<NavMenu>();
        Assert.Contains("Trang chủ", cut.Markup);
        Assert.Contains("Ngành, bộ phận", cut.Markup);
        Assert.Contains("Tài khoản", cut.Markup);
        Assert.NotEmpty(cut.FindAll("a[href='/admin/users']"));
        Assert.NotEmpty(cut.FindAll("a[href='/audit']"));
    }

    [Fact]
    public void A_viewer_sees_no_administration_or_audit_links()
    {
        SignInAs("xem", Roles.Viewer);
        var cut = Render<NavMenu>();
        Assert.NotEmpty(cut.FindAll("a[href='/departments']"));
        Assert.Empty(cut.FindAll("a[href='/admin/users']"));
        Assert.Empty(cut.FindAll("a[href='/audit']"));
    }

    [Fact]
    public void The_chairman_sees_the_audit_trail_but_not_user_management()
    {
        SignInAs("chutich", Roles.Chairman);
        var cut = Render<NavMenu>();
        Assert.NotEmpty(cut.FindAll("a[href='/audit']"));
        Assert.Empty(cut.FindAll("a[href='/admin/users']"));
    }
}
