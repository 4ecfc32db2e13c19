using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Portal.Features.Citizens;

namespace PhoChau.Tests.Portal.Citizens;

/// <summary>Issue 32.4, the hall first: the public's work runs on threads the operating system serves after the hall's.</summary>
public sealed class PublicWorkLaneTests
{
    private static PublicWorkLane Lane(int niceness, int? threads = null)
    {
        var settings = new Dictionary<string, string?> { ["Public:Niceness"] = niceness.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (threads is { } t) settings["Public:ConcurrentRequests"] = t.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PublicWorkLane(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), NullLogger<PublicWorkLane>.Instance);
    }

    /// <summary>The nice value of the calling thread, as the kernel reports it (field 19 of /proc/thread-self/stat).</summary>
    private static int ThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Work_runs_on_the_lanes_own_threads_at_the_lower_priority_with_the_callers_context()
    {
        using var lane = Lane(niceness: 10, threads: 2);
        var ambient = new AsyncLocal<string> { Value = "yêu cầu 1" };
        string? thread = null, seen = null;
        var nice = -1;

        await lane.RunAsync(() =>
        {
            thread = Thread.CurrentThread.Name;
            seen = ambient.Value;
            if (OperatingSystem.IsLinux()) nice = ThreadNice();
            return Task.CompletedTask;
        });

        Assert.StartsWith("public-work-", thread);
        Assert.Equal("yêu cầu 1", seen); // the request's context (HttpContext, culture, activity) goes with it
        Assert.Equal(2, lane.Threads);
        Assert.Equal(1, lane.Runs);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(10, nice);
            Assert.Equal(10, lane.AppliedNiceness);
            Assert.Equal(0, ThreadNice()); // the caller's own thread is left as it was
        }
    }

    [Fact]
    public async Task A_failure_or_a_cancellation_reaches_the_caller_and_work_that_waits_ends_when_it_does()
    {
        using var lane = Lane(niceness: 5);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => lane.RunAsync(() => throw new InvalidOperationException("lỗi trang")));
        Assert.Equal("lỗi trang", failure.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => lane.RunAsync(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("lỗi sau khi chờ");
        }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lane.RunAsync(() => Task.FromCanceled(new CancellationToken(true))));

        var release = new TaskCompletionSource();
        var waiting = lane.RunAsync(async () => await release.Task);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        release.SetResult();
        await waiting;
    }

    [Fact]
    public void At_normal_priority_the_public_gets_half_the_cores_and_at_a_lower_one_all_of_them()
    {
        using var low = Lane(niceness: 10);
        using var normal = Lane(niceness: 0);
        Assert.Equal(Environment.ProcessorCount, low.Threads);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), normal.Threads);
    }

    /// <summary>The portal's own pipeline: a citizen's lookup is rendered on the lane, a staff page and the hall never are.</summary>
    [Fact]
    public async Task The_portal_renders_a_citizens_lookup_on_the_lane()
    {
        await using var factory = new PortalFactory();
        var secretary = new Actor("s", "thuky", new HashSet<string> { Roles.Secretary });
        var d = await factory.Services.GetRequiredService<DialogueService>().CreateAsync(secretary, new DialogueInput
        {
            Title = "Đối thoại năm 2026", Year = 2027, Quarter = 1, SessionDate = new DateOnly(2027, 3, 16), Venue = "Hội trường",
        });
        var p = await factory.Services.GetRequiredService<PetitionService>().CreateAsync(secretary, new PetitionInput
        {
            Consent = true, DialogueId = d.Id, PetitionerName = "Trần Văn Bình", Channel = PetitionChannel.OneStopDesk,
            ReceivedOn = DateOnly.FromDateTime(DateTime.Today), Field = PetitionField.Other, Text = "Đường liên thôn xuống cấp.",
        });
        var lane = factory.Services.GetRequiredService<PublicWorkLane>();
        var phone = factory.NewClientFrom("192.168.1.60");
        var before = lane.Runs;

        var found = await (await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", p.IssuedPin!))).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"lookup-result\"", found);
        Assert.Equal(before + 2, lane.Runs); // the page, then the lookup
        var staff = await factory.SignInAsync("admin", PortalFactory.AdminPassword);
        var afterLookup = lane.Runs;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await staff.GetAsync("/tra-cuu")).StatusCode);
        Assert.Equal(afterLookup, lane.Runs);
    }
}
