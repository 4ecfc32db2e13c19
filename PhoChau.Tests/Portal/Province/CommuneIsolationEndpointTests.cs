using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Commune;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;
using PhoChau.Core.Province;
using PhoChau.Portal.Hubs;
using PhoChau.Tests.Core.Province;

namespace PhoChau.Tests.Portal.Province;

/// <summary>
/// Two communes on one portal: a user of the second asking for the first's pages, files or hub group by id gets
/// not-found and learns nothing; the province viewer sees both communes' figures and changes nothing.
/// </summary>
public sealed class CommuneIsolationEndpointTests
{
    private static readonly Actor ProvinceAdmin = new("p-admin", "tinh", new HashSet<string> { Roles.ProvinceAdministrator });

    private static async Task<(RunningPortal Portal, int Other, Petition Petition, int AttachmentId)> ArrangeAsync()
    {
        var portal = await RunningPortal.StartAsync(demo: true, settings: new Dictionary<string, string> { ["Seed:ProvinceAdminPassword"] = PortalFactory.AdminPassword });
        var other = await portal.Services.GetRequiredService<ProvinceService>().CreateCommuneAsync(ProvinceAdmin, CommuneIsolationTests.NewCommune());
        using (CommuneScope.Enter(other))
        {
            await portal.Services.GetRequiredService<UserAdminService>().CreateAsync(new Actor("a2", "quantri.phothanh", new HashSet<string> { Roles.Administrator }),
                new UserInput { UserName = "thuky.phothanh", FullName = "Thư ký Phổ Thạnh", Role = Roles.Secretary, Password = PortalFactory.UserPassword });
        }
        // The province's viewer: an account of no commune.
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var viewer = new AppUser { UserName = "tinh.xem", FullName = "Sở Nội vụ", CommuneId = null };
            Assert.True((await users.CreateAsync(viewer, PortalFactory.UserPassword)).Succeeded);
            await users.AddToRoleAsync(viewer, Roles.ProvinceViewer);
        }
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync();
        var petition = await db.Petitions.AsNoTracking().OrderBy(p => p.Id).FirstAsync(p => p.DialogueId == 1);
        var attachment = await portal.Services.GetRequiredService<AttachmentService>().AddAsync(
            new Actor("s", "thuky", new HashSet<string> { Roles.Secretary }), petition.Id, AttachmentPurpose.Petition, "don.pdf", new MemoryStream("%PDF-1.4 Nguyễn"u8.ToArray()));
        return (portal, other, petition, attachment.Id);
    }

    private static async Task<HttpClient> SignInAsync(string baseUrl, string user, string password) =>
        PortalSignIn.Client(baseUrl, await PortalSignIn.CookiesAsync(baseUrl, user, password));

    [Fact]
    public async Task A_user_of_another_commune_gets_not_found_for_every_address_that_takes_an_id_and_for_the_hub_group()
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        var (portal, _, petition, attachmentId) = await ArrangeAsync();
        await using var _p = portal;
        var stranger = await SignInAsync(portal.BaseUrl, "thuky.phothanh", PortalFactory.UserPassword);
        var issued = await portal.Services.GetRequiredService<PhoChau.Core.Reports.Issuing.IssuingService>().IssueAsync(
            new Actor("s", "thuky", new HashSet<string> { Roles.Secretary }), 1, PhoChau.Core.Records.DocumentKind.Plan, "12/KH-UBND", new DateOnly(2026, 3, 2), portal.BaseUrl);
        string[] addresses =
        [
            "/dialogues/1", "/dialogues/1/after", $"/petitions/{petition.Id}", $"/petitions/{petition.Id}/edit", $"/petitions/{petition.Id}/receipt",
            "/sessions/1/hall", "/sessions/1/chair", "/sessions/1/display", $"/attachments/{attachmentId}",
            "/reports/1/PetitionRegister.xlsx", "/reports/1/Speakers.xlsx", "/reports/1/FollowUp.xlsx", "/reports/1/Summary.xlsx",
            "/documents/1/Minutes.docx", "/documents/1/Notice.docx", "/documents/1/ResultsReport.docx", "/documents/1/Notice.pdf",
            "/documents/1/Plan.pdf", "/dialogues/1/ky-so", $"/van-ban/{issued.Id}.pdf", "/dialogues/1/ho-so.zip",
        ];
        foreach (var address in addresses)
        {
            var response = await stranger.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address} answered {(int)response.StatusCode} to another commune's user");
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(petition.PetitionerName, body);
            Assert.DoesNotContain(petition.Code, body);
        }
        // Lists show only its own commune's (none yet).
        var list = WebUtility.HtmlDecode(await stranger.GetStringAsync("/petitions"));
        Assert.DoesNotContain(petition.PetitionerName, list);
        Assert.DoesNotContain(petition.Code, list);

        // The hub: joining the other commune's session is refused as a missing one.
        await using var hub = await HubClient.ConnectAsync(portal.BaseUrl, "thuky.phothanh", PortalFactory.UserPassword);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<QueueChangedMessage>("JoinSession", 1));
        Assert.Contains("Không tìm thấy", refused.Message);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<QueueChangedMessage>("RegisterSpeaker", 1, "Kẻ lạ", "Thôn lạ", "x"));

        // The commune's own secretary still sees its petition.
        var own = await SignInAsync(portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        Assert.Contains(petition.Code, WebUtility.HtmlDecode(await own.GetStringAsync($"/petitions/{petition.Id}")));
    }

    [Fact]
    public async Task The_province_viewer_sees_every_communes_figures_exports_them_and_reaches_no_communes_records()
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        var (portal, _, petition, attachmentId) = await ArrangeAsync();
        await using var _p = portal;
        var viewer = await SignInAsync(portal.BaseUrl, "tinh.xem", PortalFactory.UserPassword);
        var page = WebUtility.HtmlDecode(await viewer.GetStringAsync("/tinh"));
        Assert.Contains("data-testid=\"province-figures\"", page);
        var chart = page[page.IndexOf("data-testid=\"province-chart-communes\"", StringComparison.Ordinal)..];
        Assert.Contains("<svg", chart[..Math.Min(chart.Length, 4000)]); // the bar chart per commune, drawn beside the tables
        Assert.Contains("data-testid=\"province-fields\"", page);
        Assert.Contains("xã Phổ Thạnh", page);
        Assert.Contains("xã Phổ Châu", page);
        Assert.DoesNotContain("data-testid=\"commune-form\"", page); // a viewer adds no commune

        var xlsx = await viewer.GetAsync($"/tinh/so-lieu-{DateTime.UtcNow.Year}.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var wb = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
            Assert.Contains(wb.Worksheet(1).CellsUsed(), c => c.GetString() == "xã Phổ Thạnh");

        // Issue 23: the commune's evidence of a year in one .zip, each dialogue's pack in its folder; none for a year without one.
        int year;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync())
            year = await db.Dialogues.Where(d => d.Id == 1).Select(d => d.Year).SingleAsync();
        // Issue 32.9: a dialogue only planned or announced has nothing to assess: 404, as the README says.
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/tinh/ho-so-1-{year}.zip")).StatusCode);
        using (CommuneScope.Enter(1))
        {
            var secretaryActor = new Actor("s", "thuky", new HashSet<string> { Roles.Secretary });
            await portal.Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(secretaryActor, 1, "Diễn tập");
        }
        var pack = await viewer.GetAsync($"/tinh/ho-so-1-{year}.zip");
        Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
        Assert.Matches($@"^ho-so-minh-chung-\w+-{year}\.zip$", pack.Content.Headers.ContentDisposition?.FileNameStar ?? pack.Content.Headers.ContentDisposition?.FileName);
        using (var zip = new System.IO.Compression.ZipArchive(await pack.Content.ReadAsStreamAsync()))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("doi-thoai-1/" + PhoChau.Core.Reports.EvidencePackService.IndexName, names);
            Assert.Contains("doi-thoai-1/01-ke-hoach-doi-thoai-1.docx", names);
            Assert.Contains("doi-thoai-1/03-bien-ban-doi-thoai-1.docx", names);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/tinh/ho-so-1-{year - 1}.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/tinh/ho-so-999-{year}.zip")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/petitions/{petition.Id}")).StatusCode);
        Assert.DoesNotContain(petition.PetitionerName, WebUtility.HtmlDecode(await viewer.GetStringAsync("/petitions")));

        // A commune's users do not reach the province's page or export.
        var secretary = await SignInAsync(portal.BaseUrl, "thuky", PortalFactory.UserPassword);
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync("/tinh")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync($"/tinh/so-lieu-{DateTime.UtcNow.Year}.xlsx")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync($"/tinh/ho-so-1-{year}.zip")).StatusCode);

        // The province administrator (seeded) sees the form to add a commune.
        var admin = await SignInAsync(portal.BaseUrl, DatabaseInitializer.ProvinceAdminUserName, PortalFactory.AdminPassword);
        Assert.Contains("data-testid=\"commune-form\"", await admin.GetStringAsync("/tinh"));
    }

    [Fact]
    public async Task A_citizen_of_another_commune_looks_up_with_the_communes_code_and_registers_from_a_phone()
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        await using var factory = new PortalFactory();
        var services = factory.Services;
        var other = await services.GetRequiredService<ProvinceService>().CreateCommuneAsync(ProvinceAdmin, CommuneIsolationTests.NewCommune());
        var secretary = new Actor("s2", "thuky.phothanh", new HashSet<string> { Roles.Secretary });
        Petition petition;
        PhoChau.Core.Citizens.Receipt receipt;
        int sessionId;
        using (CommuneScope.Enter(other))
        {
            var village = await services.GetRequiredService<PhoChau.Core.Departments.VillageService>().AddAsync(new Actor("a2", "quantri", new HashSet<string> { Roles.Administrator }), "Thôn Phổ Thạnh");
            var dialogues = services.GetRequiredService<DialogueService>();
            var d = await dialogues.CreateAsync(secretary, new DialogueInput { Title = "Đối thoại Phổ Thạnh", Year = 2026, Quarter = 4, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15) });
            petition = await services.GetRequiredService<PetitionService>().CreateAsync(secretary, new PetitionInput
            {
                Consent = true,
                DialogueId = d.Id, PetitionerName = "Phạm Văn Dân", VillageId = village.Id, Channel = PetitionChannel.OneStopDesk,
                ReceivedOn = new DateOnly(2026, 3, 1), Field = PetitionField.Other, Text = "Đề nghị sửa cầu",
            });
            receipt = await services.GetRequiredService<PhoChau.Core.Citizens.ReceiptService>().IssueAsync(secretary, petition.Id);
            await dialogues.MoveAsync(secretary, d.Id, DialogueState.Announced);
            await services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(secretary, d.Id, "Diễn tập");
            sessionId = d.Id;
        }
        Assert.EndsWith("&xa=PHOTHANH", receipt.LookupUrl("http://192.168.1.10:5080")); // the QR code names the commune

        var phone = factory.NewClientFrom("192.168.1.77");
        async Task<string> LookupAsync(string path) => WebUtility.HtmlDecode(await (await PortalFactory.PostFormAsync(phone, path, "lookup",
            ("Find.Code", petition.Code), ("Find.Pin", receipt.Pin))).Content.ReadAsStringAsync());
        var found = await LookupAsync($"/tra-cuu?ma={petition.Code}&xa=PHOTHANH");
        Assert.Contains("data-testid=\"lookup-result\"", found);
        Assert.Contains("Ủy ban nhân dân xã Phổ Thạnh", found); // the page names the citizen's own commune
        // On a province's server an address without the commune's code, with an unknown one or a malformed one, is a 404:
        // never commune 1's lookup.
        foreach (var path in new[] { $"/tra-cuu?ma={petition.Code}", $"/tra-cuu?ma={petition.Code}&xa=KHONGCO", $"/tra-cuu?xa={new string('X', 25)}", "/tra-cuu?xa=",
                     "/ket-qua", "/ket-qua.csv", "/ket-qua.json", "/ket-qua?xa=KHONGCO" }) // the published results: the same rule
        {
            var response = await phone.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("lookup-form", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/ket-qua.json?xa=PHOTHANH")).StatusCode);

        // The hall's QR code of commune 2's session opens its form, and the request waits in commune 2.
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/sessions/{sessionId}/dang-ky")).StatusCode);
        var posted = await PortalFactory.PostFormAsync(phone, $"/sessions/{sessionId}/dang-ky", "speak",
            ("Input.Name", "Hồ Thị Phổ Thạnh"), ("Input.VillageOrOrganisation", "Thôn Phổ Thạnh"), ("Input.Topic", "Cầu dân sinh"), ("Input.Consent", "true"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using (CommuneScope.Enter(other))
            Assert.Contains(await services.GetRequiredService<PhoChau.Core.Speakers.SpeakerRequestService>().PendingAsync(secretary, sessionId), r => r.Name == "Hồ Thị Phổ Thạnh");
    }
}
