using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using PhoChau.Portal.Features.Citizens;

namespace PhoChau.Tests.Portal.Citizens;

/// <summary>Issue 32.4, the hall first: the public's requests run a few at a time, the hall's and the staff's never wait for them.</summary>
public sealed class PublicWorkGateTests
{
    private static PublicWorkGate Gate(int permits, int queue)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Public:ConcurrentRequests"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Public:QueueLimit"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        return new(configuration, new PublicWorkLane(configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger<PublicWorkLane>.Instance));
    }

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
        var firstStarted = false;
        Task Next(string name)
        {
            lock (started) started.Add(name);
            if (name == "first") Volatile.Write(ref firstStarted, true);
            return name == "first" ? release.Task : Task.CompletedTask;
        }

        var first = gate.InvokeAsync(Request("/tra-cuu"), () => Next("first"));
        for (var i = 0; i < 500 && !Volatile.Read(ref firstStarted); i++) await Task.Delay(10); // it runs on the lane's thread
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

    /// <summary>A stranger sending a file at 2G speed holds no turn: the body is read before the turn is taken.</summary>
    [Fact]
    public async Task A_slow_upload_holds_no_turn_and_its_body_reaches_the_page_whole()
    {
        var gate = Gate(permits: 1, queue: 10);
        var slow = Request("/xac-minh/ABCDEFGHJK");
        slow.Request.Method = "POST";
        var body = new SlowStream(new byte[100_000]);
        slow.Request.Body = body;
        slow.Request.ContentLength = 100_000;
        long read = -1;
        var uploading = gate.InvokeAsync(slow, async () =>
        {
            using var copy = new MemoryStream();
            await slow.Request.Body.CopyToAsync(copy);
            read = copy.Length;
        });

        var other = Request("/tra-cuu");
        var served = false;
        await gate.InvokeAsync(other, () => { served = true; return other.Response.WriteAsync("trang tra cứu"); });

        Assert.True(served, "a lookup waited for a slow upload");
        Assert.False(uploading.IsCompleted);
        body.Release();
        await uploading;
        Assert.Equal(100_000, read);
        other.Response.Body.Position = 0;
        Assert.Equal("trang tra cứu", new StreamReader(other.Response.Body).ReadToEnd()); // written after the turn, whole
    }

    /// <summary>A body that gives its first bytes at once and the rest only when released (a phone on 2G).</summary>
    private sealed class SlowStream(byte[] data) : MemoryStream(data)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (Position > 0) await _released.Task.WaitAsync(ct);
            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], ct);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
    }
}
