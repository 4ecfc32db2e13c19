using System.Net;
using System.Net.Http.Headers;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Tests.Portal.Reports;

/// <summary>
/// Issue 22 over HTTP: the signing plugin's round trip as the plugin makes it (fetch with the ticket, post the signed
/// file back, no sign-in), and the public check of a code and of a file, including a tampered one.
/// </summary>
public sealed class SigningEndpointTests
{
    private static readonly Actor Secretary = new("s", "thuky", new HashSet<string> { Roles.Secretary });
    private static readonly Actor Chairman = new("c", "chutich", new HashSet<string> { Roles.Chairman });

    private static async Task<(IssuingService Issuing, IssuedVersion Version)> IssueAsync(PortalFactory factory)
    {
        var d = await factory.Services.GetRequiredService<DialogueService>().CreateAsync(Secretary, new DialogueInput
        {
            Title = "Đối thoại về cải cách hành chính năm 2027", Year = 2027, Quarter = 1, SessionDate = new DateOnly(2027, 3, 16),
            StartTime = new TimeOnly(8, 0), Venue = "Hội trường UBND xã Phổ Châu", ChairName = "Lê Văn Thái", SecretaryName = "Nguyễn Thị Mai",
        });
        var issuing = factory.Services.GetRequiredService<IssuingService>();
        return (issuing, await issuing.IssueAsync(Secretary, d.Id, DocumentKind.Plan, "3/KH-UBND", new DateOnly(2027, 3, 16), "http://192.168.1.10:5000"));
    }

    private static MultipartFormDataContent Upload(byte[] pdf, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "van-ban-da-ky.pdf");
        return form;
    }

    private static async Task<string> TextAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_plugin_fetches_with_its_ticket_returns_the_signed_file_and_the_public_page_shows_it_signed()
    {
        await using var factory = new PortalFactory();
        var (issuing, v) = await IssueAsync(factory);
        var offer = await factory.Services.GetRequiredService<SigningPluginService>().OfferToPluginAsync(Chairman, v.Id);
        var plugin = factory.NewClient(); // another program: no cookie

        var fetched = await plugin.GetAsync($"/ky-so/{offer.Ticket}/van-ban.pdf");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("application/pdf", fetched.Content.Headers.ContentType?.MediaType);
        var offered = await fetched.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await plugin.GetAsync($"/ky-so/{new string('a', 48)}/van-ban.pdf")).StatusCode);

        using var token = TestSigning.Certificate("Le Van Thai");
        var other = await issuing.IssueAsync(Secretary, v.Id == 1 ? 1 : 1, DocumentKind.Announcement, "4/TB-UBND", new DateOnly(2027, 3, 16), "http://x");
        var wrong = await PdfSigner.SignAsync((await issuing.DownloadAsync(Secretary, other.Id)).Pdf, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký", "Phổ Châu", DateTimeOffset.Now));
        var refused = await plugin.PostAsync($"/ky-so/{offer.Ticket}", Upload(wrong.Pdf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("không phải là văn bản đã gửi ký", await TextAsync(refused));

        var signed = await PdfSigner.SignAsync(offered, new PdfSignatureRequest(token, "Lê Văn Thái", "Ký ban hành", "Phổ Châu", DateTimeOffset.Now));
        var kept = await plugin.PostAsync($"/ky-so/{offer.Ticket}", Upload(signed.Pdf));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Contains("\"Status\":0", await kept.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await plugin.PostAsync($"/ky-so/{offer.Ticket}", Upload(signed.Pdf))).StatusCode); // spent

        var citizen = factory.NewClientFrom("192.168.1.77");
        var page = await citizen.GetAsync($"/xac-minh/{v.Code}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await TextAsync(page);
        Assert.Contains("data-testid=\"verify-current\"", html);
        Assert.Contains("3/KH-UBND", html);
        Assert.Contains("Le Van Thai", html);
        Assert.Contains($"chữ ký hợp lệ, chứng thư do {TestSigning.RootName} cấp", html);

        // A file held by the citizen: the signed one is the document; a changed byte is reported as altered.
        async Task<string> VerdictAsync(byte[] file)
        {
            var form = await citizen.GetStringAsync($"/xac-minh/{v.Code}");
            var response = await citizen.PostAsync($"/xac-minh/{v.Code}", Upload(file,
                ("__RequestVerificationToken", PortalFactory.AntiforgeryToken(form)), ("_handler", "check")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return System.Text.RegularExpressions.Regex.Match(await TextAsync(response), "data-verdict=\"(\\w+)\"").Groups[1].Value;
        }
        Assert.Equal("Authentic", await VerdictAsync(signed.Pdf));
        var tampered = (byte[])signed.Pdf.Clone();
        tampered[System.Text.Encoding.Latin1.GetString(tampered).IndexOf("/Creator", StringComparison.Ordinal) + 3] = (byte)'X';
        Assert.Equal("Altered", await VerdictAsync(tampered));

        // A copy signed again by a certificate anyone can make: intact, and said not to be on the trust list.
        using var forged = TestSigning.SelfSigned("CN=Lê Văn Thái, O=Giả mạo, C=VN");
        var resigned = await PdfSigner.SignAsync(signed.Pdf, new PdfSignatureRequest(forged, "Lê Văn Thái", "Ký", "Phổ Châu", DateTimeOffset.Now));
        var formPage = await citizen.GetStringAsync($"/xac-minh/{v.Code}");
        var checkedPage = await TextAsync(await citizen.PostAsync($"/xac-minh/{v.Code}", Upload(resigned.Pdf,
            ("__RequestVerificationToken", PortalFactory.AntiforgeryToken(formPage)), ("_handler", "check"))));
        Assert.Contains("chữ ký đúng nhưng chứng thư không thuộc danh sách tin cậy", checkedPage);
        // And a file with no signature at all says so.
        var unsigned = await TextAsync(await citizen.PostAsync($"/xac-minh/{v.Code}", Upload(offered,
            ("__RequestVerificationToken", PortalFactory.AntiforgeryToken(formPage)), ("_handler", "check"))));
        Assert.Contains("Không có chữ ký số.", unsigned);
    }

    /// <summary>Issue 32.9: more than a document may weigh is refused in Vietnamese, not buffered whole and answered 500.</summary>
    [Fact]
    public async Task A_post_over_20_MB_to_the_plugins_address_is_refused_with_413_and_the_version_kept()
    {
        await using var factory = new PortalFactory();
        var (issuing, v) = await IssueAsync(factory);
        var offer = await factory.Services.GetRequiredService<SigningPluginService>().OfferToPluginAsync(Chairman, v.Id);
        var plugin = factory.NewClient();
        var huge = new byte[21 * 1024 * 1024];

        var declared = await plugin.PostAsync($"/ky-so/{offer.Ticket}", new ByteArrayContent(huge));
        // Without a length (chunked), as a program streaming a file sends it: cut off as it passes the limit.
        var streamed = new StreamContent(new MemoryStream(huge));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/ky-so/{offer.Ticket}") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        var chunked = await plugin.SendAsync(request);
        var asForm = await plugin.PostAsync($"/ky-so/{offer.Ticket}", Upload(huge));

        foreach (var answer in new[] { declared, chunked, asForm })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
            Assert.Contains("quá lớn", await TextAsync(answer));
        }
        Assert.Equal(IssuedState.AwaitingSignature, (await factory.Services.GetRequiredService<DocumentCheckService>().VerifyAsync(v.Code))!.State);
        Assert.NotNull(await factory.Services.GetRequiredService<SigningPluginService>().PluginFileAsync(offer.Ticket)); // the ticket still works for the real file
    }

    /// <summary>Issue 32.5: files checked on /xac-minh are limited per address; another address goes on.</summary>
    [Fact]
    public async Task More_than_twenty_files_checked_in_ten_minutes_from_one_address_are_refused_and_other_addresses_go_on()
    {
        await using var factory = new PortalFactory();
        var (_, v) = await IssueAsync(factory);
        var file = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
        async Task<HttpStatusCode> CheckFromAsync(HttpClient client)
        {
            var form = await client.GetStringAsync($"/xac-minh/{v.Code}");
            return (await client.PostAsync($"/xac-minh/{v.Code}", Upload(file, ("__RequestVerificationToken", PortalFactory.AntiforgeryToken(form)), ("_handler", "check")))).StatusCode;
        }
        var one = factory.NewClientFrom("192.168.1.90");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++) statuses.Add(await CheckFromAsync(one));

        Assert.All(statuses.Take(20), st => Assert.Equal(HttpStatusCode.OK, st));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, await CheckFromAsync(factory.NewClientFrom("192.168.1.91")));
    }

    [Theory]
    [InlineData("/xac-minh/ZZZZZZZZZZ")]
    [InlineData("/xac-minh/%3Cscript%3E")]
    [InlineData("/xac-minh/" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/xac-minh?ma=abc")]
    public async Task An_unknown_or_malformed_code_gets_a_clear_page_never_a_500(string address)
    {
        await using var factory = new PortalFactory();
        var response = await factory.NewClientFrom("192.168.1.78").GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the page that says so (a 404 here would be re-executed as the generic page)
        Assert.Contains("Không tìm thấy văn bản có mã này", await TextAsync(response));
    }

    [Fact]
    public async Task The_code_form_without_a_code_opens_and_an_issued_version_is_not_downloaded_without_signing_in()
    {
        await using var factory = new PortalFactory();
        var (_, v) = await IssueAsync(factory);
        var anonymous = factory.NewClient();
        var page = await anonymous.GetAsync("/xac-minh");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"verify-code-form\"", await page.Content.ReadAsStringAsync());
        var file = await anonymous.GetAsync($"/van-ban/{v.Id}.pdf");
        Assert.NotEqual(HttpStatusCode.OK, file.StatusCode);
    }
}
