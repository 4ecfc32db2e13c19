using System.Net;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Persistence;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Portal.Citizens;

/// <summary>Issue 23: /ket-qua and its CSV and JSON, opened by anyone, carry no petitioner's name, phone or ID number.</summary>
public sealed class PublicResultsPageTests
{
    [Fact]
    public async Task The_results_page_its_CSV_and_its_JSON_show_every_petition_by_code_and_no_personal_data()
    {
        await using var portal = await DemoSession.StartAsync();
        await portal.Services.GetRequiredService<HallSessionService>().ConcludeAsync(
            new Actor("c", "chutich", new HashSet<string> { Roles.Chairman }), 1, "Các bộ phận trả lời bằng văn bản đúng hạn.");
        using var citizen = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        var page = await citizen.GetAsync("/ket-qua");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var csv = await citizen.GetStringAsync("/ket-qua.csv");
        var json = await citizen.GetStringAsync("/ket-qua.json");

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync();
        var petitions = await db.Petitions.AsNoTracking().Where(p => p.DialogueId == 1).ToListAsync();
        Assert.NotEmpty(petitions);
        foreach (var p in petitions.Where(p => p.State != PhoChau.Core.Petitions.PetitionState.Merged))
        {
            Assert.Contains(p.Code, html);
            Assert.Contains(p.Code, csv);
            Assert.Contains(p.Code, json);
        }
        foreach (var value in petitions.SelectMany(p => new[] { p.PetitionerName, p.Phone, p.IdCardNumber, p.Address }).Where(v => !string.IsNullOrEmpty(v)))
        {
            Assert.DoesNotContain(value!, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value!, csv, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value!, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Issue 32.4: the results' HTML is written once per change and given to every reader; a change shows on the next request.</summary>
    [Fact]
    public async Task The_page_is_served_as_stored_until_the_results_change_and_then_shows_the_change()
    {
        await using var portal = await DemoSession.StartAsync();
        var chairman = new Actor("c", "chutich", new HashSet<string> { Roles.Chairman });
        await portal.Services.GetRequiredService<HallSessionService>().ConcludeAsync(chairman, 1, "Các bộ phận trả lời bằng văn bản đúng hạn.");
        using var citizen = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        var first = WebUtility.HtmlDecode(await citizen.GetStringAsync("/ket-qua"));
        var html = portal.Services.GetRequiredService<PhoChau.Portal.Features.Citizens.ResultsHtml>();
        var (made, _) = await html.GetAsync();
        Assert.Same(made, (await html.GetAsync()).Html); // the same string: written once, not again for each reader
        Assert.DoesNotContain("15/12", first);

        // A settled answer published after the first reading: the next request shows it.
        int id;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync())
        {
            var p = await db.Petitions.Where(p => p.DialogueId == 1 && p.State != PhoChau.Core.Petitions.PetitionState.Merged).OrderBy(p => p.Id).FirstAsync();
            p.CopyStored(PhoChau.Core.Petitions.PetitionState.SettledAtSession); // as the hall would have left it
            p.SessionAnswer = "Đã giải quyết xong, trả kết quả tại bộ phận một cửa ngày 15/12.";
            p.Version++;
            await db.SaveChangesAsync();
            id = p.Id;
        }
        var second = WebUtility.HtmlDecode(await citizen.GetStringAsync("/ket-qua"));
        Assert.Contains("trả kết quả tại bộ phận một cửa ngày 15/12", second);
        Assert.True(id > 0);
    }
}
