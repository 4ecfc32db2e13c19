using Microsoft.Playwright;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.EndToEnd;

/// <summary>Issue 33 (beyond the peers): /ket-qua has search and filters, as Decidim's results do, in an English browser.</summary>
public sealed class ResultsFiltersTests
{
    [Fact]
    public async Task A_citizen_searches_the_results_and_filters_them_by_field()
    {
        await using var chromium = await Browser.LaunchAsync("en-US");
        await using var portal = await RunningPortal.StartAsync(demo: false);
        var secretary = new Actor("s", "thuky", new HashSet<string> { Roles.Secretary });
        var chair = new Actor("c", "chutich", new HashSet<string> { Roles.Chairman });
        var dialogues = portal.Services.GetRequiredService<DialogueService>();
        var day = DateOnly.FromDateTime(DateTime.Today).AddDays(30);
        day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
        var d = await dialogues.CreateAsync(secretary, new DialogueInput { Title = "Đối thoại năm 2026", Year = day.Year, Quarter = 4, SessionDate = day, Venue = "Hội trường" });
        var petitions = portal.Services.GetRequiredService<PetitionService>();
        PetitionInput Input(string name, PetitionField field, string text) => new()
        {
            Consent = true, DialogueId = d.Id, PetitionerName = name, Channel = PetitionChannel.OneStopDesk, ReceivedOn = DateOnly.FromDateTime(DateTime.Today),
            Field = field, Text = text, ProcedureName = field == PetitionField.AdministrativeProcedure ? "Cấp giấy chứng nhận quyền sử dụng đất" : null,
        };
        var land = await petitions.CreateAsync(secretary, Input("Nguyễn Văn An", PetitionField.AdministrativeProcedure, "Cấp giấy chứng nhận quyền sử dụng đất chậm."));
        var road = await petitions.CreateAsync(secretary, Input("Trần Thị Bình", PetitionField.Other, "Đường liên thôn xuống cấp."));
        await dialogues.MoveAsync(secretary, d.Id, DialogueState.Announced);
        await portal.Services.GetRequiredService<HallSessionService>().OpenSessionAsync(chair, d.Id, "Diễn tập");
        await portal.Services.GetRequiredService<HallSessionService>().ConcludeAsync(chair, d.Id, "Các bộ phận trả lời bằng văn bản.");

        var page = await chromium.Browser.NewPageAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 } }); // a phone
        await page.GotoAsync(portal.BaseUrl + "/ket-qua");
        var shown = page.Locator("article.results-petition:visible");
        await Assertions.Expect(page.Locator("[data-testid=results-filters]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=results-count]")).ToContainTextAsync("2 trong 2");

        await page.FillAsync("[data-testid=results-search]", "thu tuc hanh"); // the field's words, without the marks, as typed on a phone
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        Assert.Equal(land.Code, await shown.First.GetAttributeAsync("id"));
        await page.FillAsync("[data-testid=results-search]", road.Code.ToLowerInvariant()); // a code from a receipt
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        Assert.Equal(road.Code, await shown.First.GetAttributeAsync("id"));

        await page.FillAsync("[data-testid=results-search]", "");
        await page.SelectOptionAsync("[data-testid=results-field]", new SelectOptionValue { Label = PetitionLabels.Fields[PetitionField.AdministrativeProcedure] });
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        Assert.Equal(land.Code, await shown.First.GetAttributeAsync("id"));
        await Assertions.Expect(page.Locator("[data-testid=results-count]")).ToContainTextAsync("1 trong 2");
    }
}
