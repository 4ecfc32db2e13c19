using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PhoChau.Core.PersonalData;
using PhoChau.Portal.Features.Home;
using PhoChau.Portal.Features.PersonalData;

namespace PhoChau.Tests.Portal.PersonalData;

public sealed class DataRequestPagesTests : PortalBunitContext
{
    private Task<DataRequest> RegisterAsync(DataRequestKind kind, DateOnly received) =>
        Core.Get<DataRequestService>().RegisterAsync(CoreTestHost.Secretary, new DataRequestInput
        {
            Kind = kind, RequesterName = "Lê Thị Hoa", Phone = "0912000111", ReceivedOn = received,
        });

    [Fact]
    public async Task The_secretary_records_a_request_on_the_page_and_lands_on_it_with_its_deadline()
    {
        await WorkflowData.DialogueAsync(Core);
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<DataRequestsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=requests-none]")));

        cut.Find("input[data-testid=request-name]").Change("Lê Thị Hoa");
        cut.Find("[data-testid=request-save]").Click(); // no phone, no ID number: refused, under the field
        cut.WaitForAssertion(() => Assert.Contains("số điện thoại hoặc số định danh", cut.Markup));
        Assert.Empty(await Core.Get<DataRequestService>().ListAsync(CoreTestHost.Secretary));

        cut.Find("input[data-testid=request-phone]").Change("0912 000 111");
        cut.Find("[data-testid=request-save]").Click();

        cut.WaitForAssertion(() => Assert.Single(Core.Get<DataRequestService>().ListAsync(CoreTestHost.Secretary).Result));
        var saved = (await Core.Get<DataRequestService>().ListAsync(CoreTestHost.Secretary)).Single();
        Assert.Equal(new DateOnly(2026, 3, 4), saved.DueOn); // received Mon 2/3/2026: two working days
        cut.WaitForAssertion(() => Assert.EndsWith($"/du-lieu-ca-nhan/{saved.Id}", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task An_erasure_asks_first_then_shows_what_was_done_and_that_nothing_is_left()
    {
        var d = await WorkflowData.DialogueAsync(Core);
        var input = WorkflowData.Input(d.Id, "Lê Thị Hoa");
        input.Phone = "0912000111";
        await Core.Get<PhoChau.Core.Petitions.PetitionService>().CreateAsync(CoreTestHost.Secretary, input);
        var request = await RegisterAsync(DataRequestKind.Erase, new DateOnly(2026, 3, 2));
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<DataRequestPage>(p => p.Add(x => x.Id, request.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=record-petition]")));

        cut.Find("[data-testid=erase]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Ẩn danh 1 bản ghi", cut.Find("[data-testid=erase-confirm]").TextContent));
        cut.Find("[data-testid=erase-yes]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Đã ẩn danh: 1 kiến nghị", cut.Find("[data-testid=request-outcome]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=records-none]"));
        Assert.Empty(cut.FindAll("[data-testid=erase]"));
    }

    [Fact]
    public async Task The_dashboard_reminds_of_open_requests_and_marks_those_past_their_deadline()
    {
        await RegisterAsync(DataRequestKind.See, new DateOnly(2026, 2, 20)); // due 24/2, today is 2/3
        SignInAs("thuky", Roles.Secretary);
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("1 yêu cầu đang chờ trả lời", cut.Find("[data-testid=data-requests-card]").TextContent));
        Assert.Contains("1 yêu cầu đã quá hạn", cut.Find("[data-testid=data-requests-overdue]").TextContent);
    }

    [Fact]
    public void The_dashboard_says_backups_wait_for_their_passphrase()
    {
        SignInAs("admin", Roles.Administrator);
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("Chưa đặt mật khẩu sao lưu", cut.Find("[data-testid=backup-no-passphrase]").TextContent));
        Core.UseBackupPassphrase();
        var again = Render<Dashboard>();
        again.WaitForAssertion(() => Assert.NotEmpty(again.FindAll("[data-testid=backup-age]")));
        Assert.Empty(again.FindAll("[data-testid=backup-no-passphrase]"));
    }
}
