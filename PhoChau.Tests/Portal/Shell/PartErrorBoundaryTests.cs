using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using PhoChau.Portal.Components.Shared;

namespace PhoChau.Tests.Portal.Shell;

public sealed class PartErrorBoundaryTests : PortalBunitContext
{
    [Fact]
    public void A_part_that_fails_to_render_says_why_in_Vietnamese_and_reloads_once_the_fault_is_gone()
    {
        Flaky.Fail = true;
        var cut = Render<PartErrorBoundary>(p => p.AddChildContent<Flaky>());

        var alert = cut.Find("[data-testid=part-error]").TextContent;
        Assert.Contains("Phần này của trang gặp lỗi", alert);
        Assert.Contains("ổ đĩa chứa dữ liệu đã đầy", alert);

        Flaky.Fail = false;
        cut.Find("[data-testid=reload-part] button, button[data-testid=reload-part]").Click();

        cut.WaitForAssertion(() => Assert.Equal("đã tải", cut.Find("[data-testid=flaky]").TextContent));
    }

    /// <summary>Renders only when the "disk" has room.</summary>
    private sealed class Flaky : ComponentBase
    {
        public static bool Fail;

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            if (Fail) throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "flaky");
            builder.AddContent(2, "đã tải");
            builder.CloseElement();
        }
    }
}
