using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using PhoChau.Core.Dialogues;

namespace PhoChau.Tests.Portal.Security;

/// <summary>
/// Every routable page and endpoint, taken from the app's own endpoint table (not a hand-kept list), asked with
/// missing, negative, zero, huge, non-numeric and hostile values, by an anonymous visitor and by each role:
/// never a 500, and never a page that only other roles may see.
/// </summary>
public sealed class AddressWalkTests
{
    private static readonly string[] IdValues = ["-1", "0", "99999999999", "abc", "1%2e%2e", "%3Cscript%3E", "1"];
    private static readonly string[] Queries =
    [
        "?dialogue=abc", "?dialogue=-1", "?dialogue=99999999999", "?dialogue=0", "?returnUrl=%2F%09%2Fevil.example",
        "?returnUrl=%0d%0aSet-Cookie:x", "?culture=en-US&redirectUri=%2F%09%2Fevil.example", "?error=%3Cscript%3E&user=%0a",
        "?from=abc&days=abc&date=abc", "?from=2100-12-31&days=1000", "?date=1800-01-01",
    ];

    private static readonly (string User, string? Role)[] Users =
    [
        ("", null), ("admin", Roles.Administrator), ("chutich", Roles.Chairman), ("pho", Roles.ViceChairman),
        ("thuky", Roles.Secretary), ("canbo", Roles.DepartmentOfficer), ("xem", Roles.Viewer),
    ];

    [Fact]
    public async Task No_address_gives_a_500_or_another_roles_page()
    {
        await using var factory = new PortalFactory();
        var departmentId = (await factory.Services.GetRequiredService<PhoChau.Core.Departments.DepartmentService>().ListAsync()).First().Id;
        foreach (var (user, role) in Users.Where(u => u.Role is not null && u.User != "admin"))
            await factory.CreateUserAsync(user, role!, role == Roles.DepartmentOfficer ? departmentId : null);
        var clients = new List<(string User, string? Role, HttpClient Client)>();
        foreach (var (user, role) in Users)
        {
            var client = role is null ? factory.NewClientFrom("10.9.0.1") : await SignInFromAsync(factory, user, role);
            clients.Add((user, role, client));
        }

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsAsset(e.RoutePattern)).ToList();
        Assert.True(endpoints.Count > 25, $"only {endpoints.Count} endpoints found: the walk is broken");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/dialogues/{Id:int}");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText?.StartsWith("/reports/") == true);

        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var method = methods.Contains("GET") ? "GET" : methods.First();
            var roles = RolesOf(endpoint);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var path in Paths(endpoint.RoutePattern))
            {
                foreach (var (user, role, client) in clients)
                {
                    var response = await SendAsync(client, method, path);
                    requests++;
                    var status = (int)response.StatusCode;
                    if (status >= 500) failures.Add($"{status} {method} {path} as {(role ?? "anonymous")}");
                    else if (status == 200 && method == "GET" && !anonymous && role is null)
                        failures.Add($"200 for an anonymous visitor: {path}");
                    else if (status == 200 && method == "GET" && roles.Count > 0 && role is not null && !roles.Contains(role))
                        failures.Add($"200 for {role}, a page of {string.Join("/", roles)}: {path}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures.Distinct().Take(60)));
    }

    [Theory]
    [InlineData("/dialogues/999")]
    [InlineData("/dialogues/-1")]
    [InlineData("/petitions/424242")]
    [InlineData("/petitions?dialogue=abc")]
    [InlineData("/petitions?dialogue=99999999999")]
    [InlineData("/sessions/999/chair")]
    [InlineData("/dialogues/999/after")]
    public async Task A_page_for_something_that_does_not_exist_is_the_Vietnamese_404(string path)
    {
        await using var factory = new PortalFactory();
        var admin = await factory.SignInAsync("admin", PortalFactory.AdminPassword);
        await factory.CreateUserAsync("thuky", Roles.Secretary);
        var secretary = await factory.SignInAsync("thuky", PortalFactory.UserPassword);

        var response = await secretary.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        _ = admin;
    }

    [Theory]
    [InlineData("/reports/1/7.xlsx")]
    [InlineData("/reports/1/abc.xlsx")]
    [InlineData("/documents/1/99.docx")]
    [InlineData("/documents/1/Minutes2.docx")]
    [InlineData("/documents/1/99.pdf")]
    [InlineData("/documents/1/Notice.doc")]
    public async Task An_unknown_report_or_document_kind_is_404(string path)
    {
        await using var factory = new PortalFactory();
        var admin = await factory.SignInAsync("admin", PortalFactory.AdminPassword);
        await factory.Services.GetRequiredService<DialogueService>().CreateAsync(new Actor("a", "thuky", new HashSet<string> { Roles.Secretary }),
            new DialogueInput { Title = "Đối thoại", Year = 2026, Quarter = 2, Venue = "Hội trường" });
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/api/calendar/add-working-days?from=2100-12-30&days=1000")]
    [InlineData("/api/calendar/lunar?date=1800-01-01")]
    [InlineData("/api/calendar/99999999999")]
    public async Task Calendar_API_errors_are_Vietnamese_problem_details_without_dotnet_text(string path)
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Parameter", body);
        Assert.DoesNotContain("Value to add", body);
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", body);
    }

    [Theory]
    [InlineData("/culture?culture=en-US&redirectUri=%2F%09%2Fevil.example")]
    [InlineData("/culture?redirectUri=%2F%0d%0aevil")]
    [InlineData("/culture?redirectUri=%5C%5Cevil.example")]
    public async Task The_language_switch_never_redirects_off_the_portal_nor_fails(string path)
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_post_without_a_form_body_is_400_not_500()
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClient().PostAsync("/account/signin", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var empty = await factory.NewClient().PostAsync("/account/signin", null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    private static async Task<HttpClient> SignInFromAsync(PortalFactory factory, string user, string role)
    {
        var client = factory.NewClientFrom("10.9.0." + (2 + Array.IndexOf(Roles.All.ToArray(), role)));
        var password = user == "admin" ? PortalFactory.AdminPassword : PortalFactory.UserPassword;
        var (_, status) = await PortalFactory.PostSignInAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, status);
        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) });

    private static HashSet<string> RolesOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Roles))
            .SelectMany(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries)).ToHashSet();

    /// <summary>The pattern with each parameter given each hostile value, the parameter left out, and the query variants.</summary>
    private static IEnumerable<string> Paths(RoutePattern pattern)
    {
        var text = "/" + (pattern.RawText ?? "").TrimStart('/');
        if (pattern.Parameters.Count == 0)
        {
            yield return text;
            foreach (var q in Queries) yield return text + q;
            yield break;
        }
        foreach (var value in IdValues)
            yield return Fill(pattern, _ => value);
        yield return Fill(pattern, p => p.Name.Equals("kind", StringComparison.OrdinalIgnoreCase) ? "PetitionRegister" : "1");
        yield return Fill(pattern, _ => "");
        foreach (var q in Queries.Take(3)) yield return Fill(pattern, _ => "1") + q;
    }

    private static string Fill(RoutePattern pattern, Func<RoutePatternParameterPart, string> value) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart p => value(p),
            RoutePatternSeparatorPart sep => sep.Content,
            _ => "",
        }))));

    private static bool IsAsset(RoutePattern pattern)
    {
        var raw = pattern.RawText ?? "";
        return raw.StartsWith("_framework") || raw.StartsWith("/_framework") || raw.StartsWith("_content") || raw.Contains("_blazor")
               || raw.StartsWith("/hubs") || raw.StartsWith("hubs")
               || (pattern.Parameters.Count == 0 && raw.Split('/').Last().Contains('.'));
    }
}
