using Bunit;
using PhoChau.Portal.Features.Petitions;

namespace PhoChau.Tests.Portal.Petitions;

/// <summary>Issue 32.2: the person approving an answer for publication sees what its public copy will hide.</summary>
public sealed class PublicPreviewTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services) =>
        services.AddSingleton(Core.Get<PhoChau.Core.Citizens.PublicResultsService>());

    [Fact]
    public async Task The_approver_is_shown_each_value_the_published_answer_will_hide_or_that_none_is()
    {
        var d = await WorkflowData.DialogueAsync(Core);
        var p = await WorkflowData.PetitionAsync(Core, d.Id, "Phạm Thị Dung");

        var quoting = Render<PublicPreview>(ps => ps.Add(x => x.PetitionId, p.Id)
            .Add(x => x.Text, "Bà Pham Thi Dung (ĐT +84 905 123 456) nhận kết quả ngày 10/3."));
        var plain = Render<PublicPreview>(ps => ps.Add(x => x.PetitionId, p.Id).Add(x => x.Text, "Hồ sơ đã giải quyết xong."));

        quoting.WaitForAssertion(() => Assert.Equal("Khi công bố trên trang kết quả, sẽ ẩn: Pham Thi Dung; +84 905 123 456.",
            quoting.Find("[data-testid=public-preview]").TextContent.Trim()));
        plain.WaitForAssertion(() => Assert.Contains("không có thông tin cá nhân nào cần ẩn", plain.Find("[data-testid=public-preview]").TextContent));
    }
}
