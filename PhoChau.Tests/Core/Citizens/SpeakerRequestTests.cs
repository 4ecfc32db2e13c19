using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Citizens;

public sealed class SpeakerRequestTests
{
    private static SpeakerRequestInput Input(string name = "Lê Văn Cường", string? phone = null) =>
        new() { Name = name, VillageOrOrganisation = "Thôn Châu Me", Topic = "Cấp giấy chứng nhận quyền sử dụng đất chậm", Phone = phone, Consent = true };

    [Fact]
    public async Task A_request_waits_pending_and_is_announced_to_operators_without_reaching_the_queue()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var changes = new List<HallChange>();
        using var subscription = host.Get<HallNotifier>().Subscribe(c => { lock (changes) changes.Add(c); return Task.CompletedTask; });
        var requests = host.Get<SpeakerRequestService>();

        var r = await requests.SubmitAsync(d.Id, Input(phone: "0905 123 456"));

        Assert.Equal(SpeakerRequestStatus.Pending, r.Status);
        Assert.Equal("0905123456", r.Phone);
        Assert.Equal(r.Id, Assert.Single(await requests.PendingAsync(CoreTestHost.Secretary, d.Id)).Id);
        Assert.Empty((await host.Get<SpeakerQueueService>().GetStateAsync(d.Id)).Queue); // the chair and the display see nothing yet
        await WaitFor(() => { lock (changes) return changes.Any(c => c.RequestsChanged && c.DialogueId == d.Id); });
        await Assert.ThrowsAsync<ForbiddenException>(() => requests.PendingAsync(CoreTestHost.Viewer, d.Id));
    }

    [Fact]
    public async Task Accepting_puts_the_citizen_in_the_queue_like_any_registration_and_rejecting_does_not()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        await HallData.RegisterAsync(host, d.Id, "Nguyễn Văn An");
        var requests = host.Get<SpeakerRequestService>();
        var first = await requests.SubmitAsync(d.Id, Input());
        var second = await requests.SubmitAsync(d.Id, Input("Phạm Thị Dung"));

        var state = await requests.AcceptAsync(CoreTestHost.Secretary, first.Id);
        var entry = Assert.Single(state.Queue, q => q.Name == "Lê Văn Cường");
        Assert.Equal((2, SpeakerStatus.Waiting, "Cấp giấy chứng nhận quyền sử dụng đất chậm"), (entry.Position, entry.Status, entry.Topic));
        await requests.RejectAsync(CoreTestHost.Secretary, second.Id);

        Assert.Empty(await requests.PendingAsync(CoreTestHost.Secretary, d.Id));
        Assert.DoesNotContain((await host.Get<SpeakerQueueService>().GetStateAsync(d.Id)).Queue, q => q.Name == "Phạm Thị Dung");
        await Assert.ThrowsAsync<DomainException>(() => requests.AcceptAsync(CoreTestHost.Secretary, second.Id)); // already decided
        await Assert.ThrowsAsync<NotFoundException>(() => requests.RejectAsync(CoreTestHost.Secretary, 999));
        await Assert.ThrowsAsync<ForbiddenException>(() => requests.AcceptAsync(CoreTestHost.Viewer, first.Id));
        await using var db = host.NewDb();
        var saved = await db.SpeakerRequests.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([SpeakerRequestStatus.Accepted, SpeakerRequestStatus.Rejected], saved.Select(r => r.Status));
        Assert.Equal(entry.SpeakerId, saved[0].SpeakerId);
        Assert.Equal("thuky", saved[1].DecidedBy);
    }

    [Fact]
    public async Task A_session_not_in_session_refuses_and_saves_nothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        var planned = await WorkflowData.DialogueAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        var ex = await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(planned.Id, Input()));
        Assert.Contains("chưa bắt đầu hoặc đã kết thúc", ex.Message);
        await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(9999, Input()));

        var (concluded, _, _) = await ConcludedSession.ArrangeAsync(host);
        await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(concluded.Id, Input()));
        await using var db = host.NewDb();
        Assert.False(await db.SpeakerRequests.AnyAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_and_saves_nothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        var bad = new[]
        {
            new SpeakerRequestInput { Consent = true, Name = "", VillageOrOrganisation = "Thôn Châu Me", Topic = "Đất đai" },
            new SpeakerRequestInput { Consent = true, Name = "An", VillageOrOrganisation = "", Topic = "Đất đai" },
            new SpeakerRequestInput { Consent = true, Name = "An", VillageOrOrganisation = "Thôn Châu Me", Topic = new string('x', 10_000) },
            new SpeakerRequestInput { Consent = true, Name = new string('A', 151), VillageOrOrganisation = "Thôn Châu Me", Topic = "Đất đai" },
            new SpeakerRequestInput { Consent = true, Name = "An", VillageOrOrganisation = "Thôn Châu Me", Topic = "Đất đai", Phone = "<script>" },
        };
        foreach (var input in bad)
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(d.Id, input));
            Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]", ex.Message.ToLowerInvariant());
        }
        await using var db = host.NewDb();
        Assert.False(await db.SpeakerRequests.AnyAsync());
    }

    [Fact]
    public async Task The_same_phone_twenty_times_or_the_same_person_twice_is_refused_once_pending()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        await requests.SubmitAsync(d.Id, Input("Người 0", "0905123456"));
        for (var i = 1; i < 20; i++)
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(d.Id, Input($"Người {i}", "+84 905 123 456")));
            Assert.Contains("Số điện thoại này đã đăng ký", ex.Message);
        }
        await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(d.Id, Input("NGƯỜI 0")));
        var script = await requests.SubmitAsync(d.Id, new SpeakerRequestInput { Consent = true, Name = "<b>Khách</b>", VillageOrOrganisation = "<img src=x onerror=alert(1)>", Topic = "<script>alert(1)</script>" });
        Assert.Equal("<script>alert(1)</script>", script.Topic); // kept as text; every page encodes it
        await using var db = host.NewDb();
        Assert.Equal(2, await db.SpeakerRequests.CountAsync());
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }
}
