using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PhoChau.Core.Dialogues;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// Every routable page, as anonymous and as each role that may see it, in a browser set to English: no English word
/// of the frameworks' defaults on screen, and axe-core (WCAG 2.1 A and AA) finds no critical or serious violation.
/// </summary>
public sealed partial class AllPagesTests
{
    /// <summary>Who sees which pages (user name, password; null = anonymous).</summary>
    private static readonly (string? User, string[] Pages)[] Visits =
    [
        (null, ["/account/login", "/tra-cuu", "/sessions/1/dang-ky", "/not-found", "/error", "/xac-minh", "/xac-minh/" + IssuedCode, "/xac-minh/ZZZZZZZZZZ", "/ket-qua", "/tin-nhan/dung/1-AAAAAAAAAAAAAAAA", "/danh-gia/1-AAAAAAAAAAAAAAAA", "/truc-tiep/1", "/truc-tiep/1?chieu=1"]),
        ("admin", ["/", "/dialogues", "/dialogues/1", "/dialogues/new", "/petitions", "/petitions/1", "/calendar", "/departments", "/audit",
                   "/reports", "/admin/users", "/admin/villages", "/admin/profile", "/admin/backups", "/dialogues/1/after",
                   "/admin/chu-ky-so", "/dialogues/1/ky-so", "/admin/tin-nhan", "/so-van-ban-di", "/dialogues/" + Draft, "/dialogues/" + Held + "/after", "/dialogues/" + Held + "/ky-so"]),
        ("chutich", ["/", "/sessions/1/chair", "/sessions/1/hall", "/sessions/1/cac-cum", "/answer-templates", "/petitions/1"]),
        ("thuky", ["/", "/petitions/new", "/petitions/1/edit", "/petitions/import", "/petitions/1/receipt", "/sessions/1/hall", "/du-lieu-ca-nhan", "/du-lieu-ca-nhan/1"]),
        ("diachinh", ["/", "/inbox", "/answer-templates"]),
        ("xem", ["/", "/sessions/1/display", "/petitions", "/dialogues", "/account/denied"]),
        ("tinh", ["/tinh"]),
    ];

    private const string IssuedCode = "{issued}";
    /// <summary>A dialogue in draft (its deadlines editable) and one held and concluded, its minutes and notice drafted.</summary>
    private const string Draft = "{draft}", Held = "{held}";

    /// <summary>What the frameworks and the browser say in English when nobody translated them.</summary>
    [GeneratedRegex(@"\b(Rows per page|Choose File|No file chosen|Loading|Close|Clear|Select all|Required|Next month|Previous month|First page|Last page|Next page|Previous page|An unhandled error|Reload|Draft|InSession|Petition #\d+)\b|\b\d+-\d+ of \d+\b|\b\d{1,2}:\d{2} ?(AM|PM)\b|mm/dd/yyyy")]
    private static partial Regex EnglishDefaults();

    [Fact]
    public async Task Every_page_for_every_role_speaks_Vietnamese_and_axe_finds_no_serious_violation()
    {
        var axe = AxeScript();
        await using var chromium = await Browser.LaunchAsync("en-US");
        var browser = chromium.Browser;
        // Every message channel on (to addresses nobody answers), so the phone form shows its choices too.
        await using var portal = await DemoSession.StartAsync(new Dictionary<string, string>
        {
            ["Seed:ProvinceAdminPassword"] = PortalFactory.UserPassword,
            ["Messages:Sms:Url"] = "http://127.0.0.1:9/sms", ["Messages:Sms:Body"] = "{\"to\":\"{phone}\",\"text\":\"{text}\"}",
            ["Messages:Email:Host"] = "127.0.0.1", ["Messages:Email:Port"] = "9", ["Messages:Email:From"] = "ubnd@phochau.gov.vn",
            ["Messages:Zalo:AppId"] = "1", ["Messages:Zalo:SecretKey"] = "s", ["Messages:Zalo:RefreshToken"] = "r",
            ["Messages:Zalo:Templates:PetitionReceived"] = "1", ["Messages:Zalo:ApiUrl"] = "http://127.0.0.1:9/zns", ["Messages:Zalo:OAuthUrl"] = "http://127.0.0.1:9/oauth",
        });

        // A citizen's request about their data, so its page has something to show.
        await portal.Services.GetRequiredService<PhoChau.Core.PersonalData.DataRequestService>().RegisterAsync(
            new Actor("s", "thuky", new HashSet<string> { Roles.Secretary }),
            new PhoChau.Core.PersonalData.DataRequestInput { Kind = PhoChau.Core.PersonalData.DataRequestKind.See, RequesterName = "Nguyễn Văn An", Phone = "0905123456", ReceivedOn = new DateOnly(2026, 3, 2) });
        // An issued version, so the public check has a document to show (its code replaces the placeholder below).
        var issued = await portal.Services.GetRequiredService<PhoChau.Core.Reports.Issuing.IssuingService>().IssueAsync(
            new Actor("s", "thuky", new HashSet<string> { Roles.Secretary }), 1, PhoChau.Core.Records.DocumentKind.Plan, "5/KH-UBND", new DateOnly(2026, 3, 2), portal.BaseUrl);
        var (draft, held) = await MoreDialoguesAsync(portal);
        var problems = new List<string>();
        var checkedPages = 0;
        foreach (var (user, pages) in Visits)
        {
            // The page's scripts keep their CSP; the test's own axe script is let in.
            await using var context = await browser.NewContextAsync(new() { Locale = "en-US", BypassCSP = true, ViewportSize = new() { Width = 1366, Height = 768 } });
            var page = await context.NewPageAsync();
            if (user is not null)
            {
                // The sign-in form, as Browser.SignInAsync fills it; the province's account lands on its own page.
                await page.GotoAsync(portal.BaseUrl + "/account/login");
                await page.FillAsync("#userName", user);
                await page.FillAsync("#password", user == "admin" ? PortalFactory.AdminPassword : PortalFactory.UserPassword);
                await page.ClickAsync("button[type=submit]");
                await page.WaitForURLAsync(u => !u.Contains("/account/login"));
            }
            foreach (var path in pages.Select(p => p.Replace(IssuedCode, issued.Code).Replace(Draft, draft.ToString()).Replace(Held, held.ToString())))
            {
                await page.GotoAsync(portal.BaseUrl + path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                // Interactive pages go live; static ones (sign-in, public forms) stay as served.
                try { await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 5000 }); }
                catch (TimeoutException) { }
                await Task.Delay(300); // a grid's first server page
                var who = $"{user ?? "anonymous"} {path}";
                var text = await page.EvaluateAsync<string>(
                    "() => document.body.innerText + '\\n' + [...document.querySelectorAll('[aria-label],[title],[placeholder]')].map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].filter(x => x).join(' ')).join('\\n')");
                foreach (Match m in EnglishDefaults().Matches(text)) problems.Add($"{who}: English \"{m.Value}\"");
                // The browser's own file chooser says "Choose File" in the browser's language: none may be in sight.
                if (await page.EvaluateAsync<int>("() => [...document.querySelectorAll('input[type=file]')].filter(e => e.getBoundingClientRect().width > 2).length") > 0)
                    problems.Add($"{who}: the browser's own file chooser is shown");
                // One main landmark and one h1 a page (axe counts these as best practice, the law's standard asks them).
                var landmarks = await page.EvaluateAsync<int[]>("() => [document.querySelectorAll('main,[role=main]').length, document.querySelectorAll('h1').length]");
                if (landmarks[0] != 1) problems.Add($"{who}: {landmarks[0]} main landmarks");
                if (landmarks[1] != 1) problems.Add($"{who}: {landmarks[1]} h1 headings");
                await page.AddScriptTagAsync(new() { Content = axe });
                var violations = await page.EvaluateAsync<JsonElement>(
                    """
                    async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                        .violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
                        .map(v => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').split('\n').slice(1, 2).join('')).join(' | ')}`)
                    """);
                foreach (var v in violations.EnumerateArray()) problems.Add($"{who}: {v.GetString()}");
                checkedPages++;
            }
        }
        Assert.Equal(Visits.Sum(v => v.Pages.Length), checkedPages);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems));
    }

    private static async Task<(int Draft, int Held)> MoreDialoguesAsync(RunningPortal portal)
    {
        var secretary = new Actor("s", "thuky", new HashSet<string> { Roles.Secretary });
        var chair = new Actor("c", "chutich", new HashSet<string> { Roles.Chairman });
        var dialogues = portal.Services.GetRequiredService<DialogueService>();
        static DateOnly Weekday(DateOnly d) => d.DayOfWeek switch { DayOfWeek.Saturday => d.AddDays(2), DayOfWeek.Sunday => d.AddDays(1), _ => d };
        var today = DateOnly.FromDateTime(DateTime.Today);
        var draft = await dialogues.CreateAsync(secretary, new DialogueInput { Title = "Đối thoại dự kiến năm sau", Year = today.Year + 1, Quarter = 1, SessionDate = Weekday(today.AddDays(120)), Venue = "Hội trường" });
        var day = Weekday(today.AddDays(35));
        var held = await dialogues.CreateAsync(secretary, new DialogueInput { Title = "Đối thoại đã tổ chức", Year = day.Year, Quarter = 4, SessionDate = day, Venue = "Hội trường", ChairName = "Lê Văn Thái", SecretaryName = "Nguyễn Thị Mai" });
        await dialogues.MoveAsync(secretary, held.Id, DialogueState.Announced);
        var queue = portal.Services.GetRequiredService<PhoChau.Core.Speakers.SpeakerQueueService>();
        var lifecycle = portal.Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>();
        await lifecycle.OpenSessionAsync(chair, held.Id, "Diễn tập");
        await lifecycle.ConcludeAsync(chair, held.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");
        var after = portal.Services.GetRequiredService<PhoChau.Core.AfterSession.AfterSessionService>();
        await after.DraftMinutesAsync(secretary, held.Id);
        await after.DraftNoticeAsync(secretary, held.Id);
        return (draft.Id, held.Id);
    }

    /// <summary>axe-core from npm (PhoChau.Tests/Accessibility: `npm ci` there; .ci/run does it).</summary>
    private static string AxeScript()
    {
        var path = Path.Combine(PortalProcess.RepositoryRoot(), "PhoChau.Tests", "Accessibility", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            var reason = $"Accessibility test skipped: axe-core not installed ({path}); run `npm ci --prefix PhoChau.Tests/Accessibility`.";
            if (Environment.GetEnvironmentVariable("PHOCHAU_REQUIRE_BROWSER") == "1") Assert.Fail(reason);
            Assert.Skip(reason);
        }
        return File.ReadAllText(path);
    }
}
