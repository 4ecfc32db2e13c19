using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using PhoChau.Portal.Features.Citizens;

namespace PhoChau.Tests.Portal.Citizens;

/// <summary>Issue 32.4, the hall first: the public's requests run a few at a time, the hall's and the staff's never wait for them.</summary>
public sealed class PublicWorkGateTests
{
    private static PublicWorkGate Gate(int permits, int queue) => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Public:ConcurrentRequests"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Public:QueueLimit"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).Build());

    private static DefaultHttpContext Request(string path, bool signedIn = false)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        if (signedIn) http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("name", "thuky")], "cookie"));
        return http;
    }

    [Theory]
    [InlineData("/tra-cuu", true)]
    [InlineData("/ket-qua", true)]
    [InlineData("/ket-qua.csv", true)]
    [InlineData("/xac-minh/ABCDEFGHJK", true)]
    [InlineData("/sessions/3/dang-ky", true)]
    [InlineData("/danh-gia/xyz", true)]
    [InlineData("/hubs/hall", false)]
    [InlineData("/sessions/3/chair", false)]
    [InlineData("/css/app.css", false)]
    public void Only_the_citizens_pages_are_public_work(string path, bool expected) =>
        Assert.Equal(expected, PublicWorkGate.IsPublicWork(Request(path)));

    [Fact]
    public async Task Beyond_the_permits_public_requests_wait_their_turn_past_the_queue_they_are_told_to_come_back_and_staff_never_wait()
    {
        var gate = Gate(permits: 1, queue: 1);
        var release = new TaskCompletionSource();
        var started = new List<string>();
        Task Next(string name) { lock (started) started.Add(name); return name == "first" ? release.Task : Task.CompletedTask; }

        var first = gate.InvokeAsync(Request("/tra-cuu"), () => Next("first"));
        var second = gate.InvokeAsync(Request("/ket-qua"), () => Next("second"));
        var refused = Request("/xac-minh");
        await gate.InvokeAsync(refused, () => Next("third"));
        await gate.InvokeAsync(Request("/tra-cuu", signedIn: true), () => Next("staff"));
        await gate.InvokeAsync(Request("/hubs/hall"), () => Next("hall"));

        Assert.Equal(["first", "staff", "hall"], started);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Response.StatusCode);
        Assert.Equal("30", refused.Response.Headers.RetryAfter.ToString());
        refused.Response.Body.Position = 0;
        Assert.Contains("Vui lòng thử lại", new StreamReader(refused.Response.Body).ReadToEnd());
        Assert.False(second.IsCompleted);

        release.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(["first", "staff", "hall", "second"], started);
    }
}
