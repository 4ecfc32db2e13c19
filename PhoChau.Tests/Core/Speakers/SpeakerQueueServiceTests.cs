using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Speakers;

public sealed class SpeakerQueueServiceTests
{
    [Fact]
    public async Task Speakers_keep_their_registration_order()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường");
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"], HallData.WaitingNames(state));
        Assert.Equal([1, 2, 3], state.Queue.Select(q => q.Position));
    }

    [Fact]
    public async Task The_secretary_moves_a_speaker_up_down_and_to_a_place()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "A", "B", "C", "D");

        state = await queue.MoveByAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "C"), -1, state.Version);
        Assert.Equal(["A", "C", "B", "D"], HallData.WaitingNames(state));
        state = await queue.MoveByAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "A"), +1, state.Version);
        Assert.Equal(["C", "A", "B", "D"], HallData.WaitingNames(state));
        state = await queue.MoveAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "D"), 0, state.Version); // drag and drop to the top
        Assert.Equal(["D", "C", "A", "B"], HallData.WaitingNames(state));
    }

    [Fact]
    public async Task A_point_of_order_jumps_the_queue_and_absent_or_withdrawn_speakers_are_skipped()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "A", "B", "C", "D");

        state = await queue.PointOfOrderAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "D"), state.Version);
        Assert.Equal(["D", "A", "B", "C"], HallData.WaitingNames(state));
        Assert.True(state.Queue.Single(q => q.Name == "D").IsPointOfOrder);
        state = await queue.MarkAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "A"), SpeakerStatus.Absent, state.Version);
        state = await queue.MarkAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "B"), SpeakerStatus.Withdrawn, state.Version);

        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, state.Version);
        Assert.Equal("D", state.Current!.Name);
        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, state.Version);
        Assert.Equal("C", state.Current!.Name);
        Assert.Equal(SpeakerStatus.Absent, state.Queue.Single(q => q.Name == "A").Status);
        Assert.Equal(4, state.Queue.Count); // nobody is lost
    }

    [Fact]
    public async Task Time_used_is_computed_from_stored_timestamps()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "A", "B");
        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, state.Version);

        host.Clock.Advance(TimeSpan.FromSeconds(95));
        state = await queue.GetStateAsync(d.Id); // a screen that reconnects, or a restarted portal
        Assert.Equal(95, state.Current!.SecondsUsed);
        Assert.Equal(180 - 95, state.SecondsLeft);

        host.Clock.Advance(TimeSpan.FromSeconds(100));
        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, state.Version);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        state = await queue.GetStateAsync(d.Id);
        Assert.Equal(195, state.Queue.Single(q => q.Name == "A").SecondsUsed); // recorded when ended, not growing
        Assert.Equal(600, state.Current!.SecondsUsed);
        Assert.True(state.SecondsLeft < 0);
    }

    [Fact]
    public async Task Calling_next_on_an_empty_queue_says_so_and_changes_nothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "A");
        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, state.Version);
        var ex = await Assert.ThrowsAsync<DomainException>(() => queue.CallNextAsync(CoreTestHost.Chairman, d.Id, state.Version));
        Assert.Contains("Không còn ai", ex.Message);
        var after = await queue.GetStateAsync(d.Id);
        Assert.Equal(("A", state.Version), (after.Current!.Name, after.Version));
    }

    [Theory]
    [InlineData("", "Họ tên người phát biểu không được để trống.")]
    [InlineData("   ", "Họ tên người phát biểu không được để trống.")]
    public async Task An_empty_name_is_refused(string name, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = name }));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public async Task The_same_person_registered_twice_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        await HallData.RegisterAsync(host, d.Id, "Nguyễn Văn An");
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id,
            new SpeakerInput { Name = "nguyễn  văn an", VillageOrOrganisation = "Thôn Vĩnh Tuy" }));
        Assert.Contains("đã có trong danh sách", ex.Message);
        Assert.Single((await host.Get<SpeakerQueueService>().GetStateAsync(d.Id)).Queue);
    }

    [Fact]
    public async Task Acting_on_a_session_not_in_session_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "A" }));
        Assert.Contains("chưa khai mạc", ex.Message);
    }

    [Fact]
    public async Task A_viewer_or_an_officer_cannot_change_the_queue()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "A");
        var queue = host.Get<SpeakerQueueService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => queue.RegisterAsync(CoreTestHost.Viewer, d.Id, new SpeakerInput { Name = "B" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => queue.CallNextAsync(CoreTestHost.Officer(1), d.Id, state.Version));
    }

    [Fact]
    public async Task A_petition_raised_on_the_spot_is_recorded_with_source_at_the_session()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var existing = await WorkflowData.PetitionAsync(host, d.Id);
        var state = await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput
        {
            Name = "Phạm Thị Kim", VillageOrOrganisation = "Thôn Châu Me", Topic = "Chứng thực",
            PetitionIds = [existing.Id], NewPetitionText = "Đề nghị chứng thực vào sáng thứ Bảy.",
        });
        var ids = state.Queue.Single().PetitionIds;
        Assert.Equal(2, ids.Count);
        await using var db = host.NewDb();
        var created = await db.Petitions.SingleAsync(p => ids.Contains(p.Id) && p.Id != existing.Id);
        Assert.Equal((PetitionChannel.AtSession, "Phạm Thị Kim"), (created.Channel, created.PetitionerName));
    }

    [Fact]
    public async Task A_petition_raised_in_the_hall_keeps_its_speakers_village_in_the_register()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var village = await WorkflowData.VillageAsync(host, "Thôn Tân Hy");
        var queue = host.Get<SpeakerQueueService>();
        await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput
        {
            Name = "Huỳnh Văn Em", VillageOrOrganisation = "Thôn Tân Hy", NewPetitionText = "Đề nghị sửa cầu tràn.",
        });
        await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput
        {
            Name = "Võ Thị Hoa", VillageOrOrganisation = "tan hy", NewPetitionText = "Đề nghị lắp đèn đường.",
        });
        await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput
        {
            Name = "Lê Văn Hùng", VillageOrOrganisation = "Hợp tác xã Phổ Châu", NewPetitionText = "Đề nghị hỗ trợ thủ tục vay vốn.",
        });
        await using var db = host.NewDb();
        var raised = await db.Petitions.Where(p => p.DialogueId == d.Id).OrderBy(p => p.Number).Select(p => new { p.VillageId, p.Address }).ToListAsync();
        Assert.Equal(village.Id, raised[0].VillageId);
        Assert.Equal(village.Id, raised[1].VillageId);
        Assert.Equal((null, "Hợp tác xã Phổ Châu"), (raised[2].VillageId, raised[2].Address));
    }

    [Fact]
    public async Task Two_operators_at_once_end_in_one_consistent_queue_and_the_loser_is_told()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "A", "B", "C");
        var seen = state.Version; // both screens show this queue

        // The secretary moves C to the top while the chair calls the next speaker, on the same file, at once.
        var results = await Task.WhenAll(
            Task.Run(async () => { try { await queue.MoveAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "C"), 0, seen); return "moved"; } catch (ConcurrencyConflictException) { return "conflict"; } }),
            Task.Run(async () => { try { await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, seen); return "called"; } catch (ConcurrencyConflictException) { return "conflict"; } }));

        Assert.Single(results, r => r == "conflict");
        var final = await queue.GetStateAsync(d.Id);
        Assert.Equal(3, final.Queue.Count);
        Assert.Equal(3, final.Queue.Select(q => q.SpeakerId).Distinct().Count());
        Assert.Equal(final.Queue.Count, final.Queue.Select(q => q.Position).Distinct().Count());
        Assert.Equal(seen + 1, final.Version);
        if (results.Contains("called")) Assert.Equal("A", final.Current!.Name);
        else Assert.Equal(["C", "A", "B"], HallData.WaitingNames(final));
    }

    [Fact]
    public async Task Registrations_by_two_operators_at_once_are_both_kept_and_the_same_person_only_once()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        var names = new[] { "Người 1", "Người 2", "Người 3", "Người 4", "Người 1" };
        var outcomes = await Task.WhenAll(names.Select(n => Task.Run(async () =>
        {
            try { await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = n, VillageOrOrganisation = "Thôn X" }); return true; }
            catch (DomainException) { return false; }
        })));
        Assert.Equal(4, outcomes.Count(o => o));
        var final = await queue.GetStateAsync(d.Id);
        Assert.Equal(["Người 1", "Người 2", "Người 3", "Người 4"], final.Queue.Select(q => q.Name).Order());
        Assert.Equal(4, final.Queue.Select(q => q.Position).Distinct().Count());
    }

    [Fact]
    public async Task Minutes_are_recorded_per_speaker_and_the_chair_concludes()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var lifecycle = host.Get<HallSessionService>();
        var d = await HallData.OpenSessionAsync(host);
        var state = await HallData.RegisterAsync(host, d.Id, "A");
        await queue.RecordMinutesAsync(CoreTestHost.Secretary, d.Id, HallData.IdOf(state, "A"), "Phản ánh hồ sơ đất chậm.", "Địa chính hứa trả trước 30/4.");
        await lifecycle.ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận khẩn trương trả lời bằng văn bản.");
        var after = await queue.GetStateAsync(d.Id);
        Assert.Equal(("Phản ánh hồ sơ đất chậm.", "Địa chính hứa trả trước 30/4."), (after.Queue[0].Summary, after.Queue[0].AnswerGiven));
        Assert.Equal(PhoChau.Core.Dialogues.DialogueState.Concluded, after.State);
    }

    [Fact]
    public async Task Changes_are_announced_after_they_are_saved()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var seen = new TaskCompletionSource<int>();
        using var subscription = host.Get<HallNotifier>().Subscribe(async change =>
        {
            var state = await host.Get<SpeakerQueueService>().GetStateAsync(change.DialogueId);
            if (state.Queue.Count > 0) seen.TrySetResult(state.Queue.Count);
        });
        await HallData.RegisterAsync(host, d.Id, "A");
        Assert.Equal(1, await seen.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_subscription_disposed_hears_nothing_more_while_the_others_still_do()
    {
        await using var host = await CoreTestHost.StartAsync();
        var notifier = host.Get<HallNotifier>();
        var closed = 0;
        var open = new TaskCompletionSource();
        // Both before anything is announced: no change already on its way can reach the one disposed.
        var gone = notifier.Subscribe(_ => { Interlocked.Increment(ref closed); return Task.CompletedTask; });
        using var kept = notifier.Subscribe(_ => { open.TrySetResult(); return Task.CompletedTask; });
        gone.Dispose();
        gone.Dispose(); // twice is harmless

        var d = await HallData.OpenSessionAsync(host);
        await HallData.RegisterAsync(host, d.Id, "A");

        await open.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Volatile.Read(ref closed));
    }

    [Fact]
    public async Task Two_portals_on_one_database_never_show_or_build_on_a_queue_older_than_the_saved_one()
    {
        await using var a = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(a);
        await HallData.RegisterAsync(a, d.Id, "An", "Bình", "Cường"); // portal A now holds the queue in memory
        await using var b = await CoreTestHost.StartAtAsync(a.DataRoot, a.DatabasePath);
        var queueA = a.Get<SpeakerQueueService>();
        var queueB = b.Get<SpeakerQueueService>();

        // Portal B changes the queue A holds: a registration and a call.
        await queueB.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Dũng", VillageOrOrganisation = "Thôn 2", Topic = "x" });
        var onB = await queueB.CallNextAsync(CoreTestHost.Secretary, d.Id, null);

        var onA = await queueA.GetStateAsync(d.Id);
        Assert.Equal(onB.Version, onA.Version);
        Assert.Equal(onB.Queue.Select(q => (q.SpeakerId, q.Name, q.Status)), onA.Queue.Select(q => (q.SpeakerId, q.Name, q.Status)));
        Assert.Equal("An", onA.Current?.Name);

        // A acts on what it holds: refused when the screen saw an older version, built on the saved queue otherwise.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => queueA.CallNextAsync(CoreTestHost.Secretary, d.Id, onB.Version - 1));
        await queueB.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Em", VillageOrOrganisation = "Thôn 3", Topic = "x" });
        var final = await queueA.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Giang", VillageOrOrganisation = "Thôn 4", Topic = "x" });

        Assert.Equal(["An", "Bình", "Cường", "Dũng", "Em", "Giang"], final.Queue.Select(q => q.Name));
        Assert.Equal(final.Queue.Count, final.Queue.Select(q => q.SpeakerId).Distinct().Count());
        await using var db = a.NewDb();
        Assert.Equal(6, await db.Speakers.CountAsync(s => s.DialogueId == d.Id));
        Assert.Equal(6, await db.Speakers.Where(s => s.DialogueId == d.Id).Select(s => s.Position).Distinct().CountAsync());
        Assert.Equal(final.Queue.Select(q => q.Name), (await queueB.GetStateAsync(d.Id)).Queue.Select(q => q.Name));
    }

    [Fact]
    public async Task An_edit_of_the_dialogue_reaches_the_held_queue()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        await HallData.RegisterAsync(host, d.Id, "An");
        var before = await host.Get<SpeakerQueueService>().GetStateAsync(d.Id);
        await using (var db = host.NewDb())
        {
            var row = await db.Dialogues.SingleAsync(x => x.Id == d.Id);
            row.SpeakingTimeSeconds = 240;
            await db.SaveChangesAsync(CoreTestHost.Secretary);
        }
        var after = await host.Get<SpeakerQueueService>().GetStateAsync(d.Id);
        Assert.Equal((180, 240), (before.SpeakingTimeSeconds, after.SpeakingTimeSeconds));
    }

    [Fact]
    public async Task A_row_changed_behind_the_kept_copy_is_read_again_not_refused_nor_overwritten()
    {
        await using var host = await CoreTestHost.StartAsync();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        var held = await HallData.RegisterAsync(host, d.Id, "An", "Bình"); // this node now keeps the row at held.Version
        int moved;
        await using (var db = host.NewDb())
        {
            var row = await db.Dialogues.SingleAsync(x => x.Id == d.Id);
            row.SpeakingTimeSeconds = 240; // an edit elsewhere: the row's version moves, the kept copy does not
            await db.SaveChangesAsync(CoreTestHost.Secretary);
            moved = row.Version;
        }

        // An action without a version is built on the row as saved (the kept copy fails the save's guard, then the row
        // is read again); a screen that saw the newer row is served, one that saw the older is refused.
        var registered = await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Cường", VillageOrOrganisation = "Thôn 1", Topic = "x" });
        Assert.Equal(["An", "Bình", "Cường"], HallData.WaitingNames(registered));
        Assert.Equal((240, moved + 1), (registered.SpeakingTimeSeconds, registered.Version));
        var called = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, registered.Version);
        Assert.Equal("An", called.Current?.Name);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => queue.CallNextAsync(CoreTestHost.Chairman, d.Id, held.Version));
        await using var check = host.NewDb();
        Assert.Equal(240, (await check.Dialogues.SingleAsync(x => x.Id == d.Id)).SpeakingTimeSeconds);
    }
}
