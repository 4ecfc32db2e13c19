namespace PhoChau.Tests.EndToEnd;

public sealed class PetitionWorkflowTests
{
    private const string Department = "Địa chính - Nông nghiệp - Xây dựng và Môi trường";

    [Fact]
    public async Task The_secretary_records_and_assigns_the_officer_answers_in_another_browser_the_secretary_approves()
    {
        await using var chromium = await Browser.LaunchAsync();
        var browser = chromium.Browser;
        await using var portal = await RunningPortal.StartAsync(demo: true);
        await using var secretaryContext = await browser.NewContextAsync();
        await using var officerContext = await browser.NewContextAsync();
        var secretary = await secretaryContext.NewPageAsync();
        var officer = await officerContext.NewPageAsync();

        // The secretary records a petition brought to the one-stop desk.
        await Browser.SignInAsync(secretary, portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(secretary, portal.BaseUrl + "/petitions/new?dialogue=1");
        await secretary.FillAsync("input[data-testid=petitioner-name]", "Phan Văn Lực");
        await secretary.FillAsync("input[data-testid=petition-procedure]", "Cấp giấy chứng nhận quyền sử dụng đất");
        await secretary.FillAsync("textarea[data-testid=petition-text]", "Hồ sơ nộp đã hai tháng chưa có kết quả.");
        await secretary.Locator("[data-testid=petition-consent] input, input[data-testid=petition-consent]").CheckAsync(new() { Force = true });
        await secretary.ClickAsync("[data-testid=save-petition]");
        await secretary.WaitForSelectorAsync("[data-testid=assign-panel]");
        var code = (await secretary.TextContentAsync("[data-testid=petition-code]"))!.Trim();
        Assert.Equal("KN-2026-031", code); // the demo dialogue holds 30 petitions
        var petitionUrl = secretary.Url;

        // ... and assigns it to the land department.
        await secretary.ClickAsync("[data-testid=assign-panel] .mud-select >> nth=0");
        await secretary.ClickAsync($".mud-popover-open .mud-list-item:has-text('{Department}')");
        await secretary.ClickAsync("[data-testid=assign]");
        await secretary.WaitForSelectorAsync("[data-testid=petition-state]:has-text('Đã giao bộ phận')");

        // The department officer, on another laptop, drafts the answer.
        await Browser.SignInAsync(officer, portal.BaseUrl, "diachinh", PortalFactory.UserPassword);
        await Browser.GotoInteractiveAsync(officer, portal.BaseUrl + "/inbox");
        await officer.ClickAsync($"tr.petition-row:has-text('{code}')");
        await officer.WaitForSelectorAsync("[data-testid=answer-panel]");
        await officer.FillAsync("textarea[data-testid=answer-text]", "Hồ sơ thiếu trích đo; bộ phận đã đo đạc bổ sung, trả kết quả ngày 10/12.");
        await officer.ClickAsync("[data-testid=submit-answer]");
        await officer.WaitForSelectorAsync("[data-testid=petition-state]:has-text('Đã có dự thảo trả lời')");

        // The secretary opens the petition again and approves the answer.
        await Browser.GotoInteractiveAsync(secretary, petitionUrl);
        await secretary.ClickAsync("[data-testid=approve]");
        await secretary.WaitForSelectorAsync("[data-testid=petition-state]:has-text('Trả lời đã duyệt')");
        Assert.Contains("trả kết quả ngày 10/12", await secretary.TextContentAsync("[data-testid=answer-view]"));
    }
}
