using PhoChau.Core.Commune;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;

namespace PhoChau.Tests.Core.Dialogues;

public sealed class DialogueServiceTests
{
    [Fact]
    public async Task A_new_dialogue_is_a_draft_with_the_plans_agenda_and_deadlines()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14));
        var stored = await host.Get<DialogueService>().GetAsync(d.Id);
        Assert.Equal(DialogueState.Draft, stored.State);
        Assert.Equal(DefaultAgenda.Steps.Count, stored.Agenda.Split('\n').Length);
        Assert.Equal(new DateOnly(2026, 4, 3), stored.Deadlines.Single(x => x.Key == DeadlineKeys.Answers).DueDate);
    }

    [Fact]
    public async Task Saving_the_new_dialogue_form_twice_is_refused_instead_of_making_a_second_draft()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DialogueService>();
        var input = new DialogueInput { Title = "Đối thoại về cải cách hành chính năm 2026", Year = 2026, Venue = "Hội trường", ChairName = "Lê Văn Thái" };
        var first = await service.CreateAsync(CoreTestHost.Secretary, input);

        var twin = new DialogueInput { Title = "đối thoại về CẢI CÁCH hành chính năm 2026", Year = 2026, Venue = "Hội trường", ChairName = "Lê Văn Thái" };
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(CoreTestHost.Secretary, twin));
        Assert.Contains($"số {first.Id}", ex.Message);
        Assert.Single(await service.ListAsync());

        // Another date (a second session of the year) or another title is a dialogue of its own.
        await service.CreateAsync(CoreTestHost.Secretary, new DialogueInput { Title = input.Title, Year = 2026, SessionDate = new DateOnly(2026, 9, 15), Venue = "Hội trường", ChairName = "Lê Văn Thái" });
        Assert.Equal(2, (await service.ListAsync()).Count);
    }

    [Fact]
    public async Task Announcing_needs_a_date_and_the_announcement_carries_date_place_and_chair()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DialogueService>();
        var undated = await service.CreateAsync(CoreTestHost.Secretary, new DialogueInput { Title = "Đối thoại quý II", Year = 2026, Venue = "Hội trường" });
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.MoveAsync(CoreTestHost.Secretary, undated.Id, DialogueState.Announced));
        Assert.Contains("ấn định ngày", ex.Message);

        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14));
        await service.MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        var text = DialogueAnnouncement.Compose(await service.GetAsync(d.Id), await host.Get<CommuneProfileService>().GetAsync());
        Assert.Contains("08 giờ 00 phút, thứ Ba, ngày 14/04/2026", text);
        Assert.Contains("Hội trường UBND xã Phổ Châu", text);
        Assert.Contains("Chủ tịch UBND xã Lê Văn Thái", text);
    }

    [Fact]
    public async Task A_delegated_chair_needs_the_authorisations_reference()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<DialogueService>().CreateAsync(CoreTestHost.Secretary,
            new DialogueInput { Title = "Đối thoại", Year = 2026, Venue = "Hội trường", ChairName = "Phạm Văn Hùng", ChairIsDelegated = true }));
        Assert.Contains("ủy quyền", ex.Message);
    }

    [Fact]
    public async Task Editing_with_a_new_date_recounts_and_a_stale_edit_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DialogueService>();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14));
        var input = DialogueInput.From(d, []);
        input.SessionDate = new DateOnly(2026, 5, 5); // Tue; 30/4 and 1/5 are off
        await service.UpdateAsync(CoreTestHost.Secretary, d.Id, d.Version, input);
        var stored = await service.GetAsync(d.Id);
        // 7 before Tue 5/5/2026: 4/5, 29/4, 28, 27 is off (Giỗ Tổ bù), so 24, 23, 22, 21 → Tue 21/4.
        Assert.Equal(new DateOnly(2026, 4, 21), stored.Deadlines.Single(x => x.Key == DeadlineKeys.Answers).DueDate);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.UpdateAsync(CoreTestHost.Secretary, d.Id, d.Version, input));
    }

    [Fact]
    public async Task A_session_on_a_weekend_or_outside_its_year_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var service = host.Get<DialogueService>();
        await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(CoreTestHost.Secretary,
            new DialogueInput { Title = "Đối thoại", Year = 2026, Venue = "Hội trường", SessionDate = new DateOnly(2026, 4, 11) }));
        await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(CoreTestHost.Secretary,
            new DialogueInput { Title = "Đối thoại", Year = 2026, Venue = "Hội trường", SessionDate = new DateOnly(2027, 4, 13) }));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.CreateAsync(CoreTestHost.Viewer,
            new DialogueInput { Title = "Đối thoại", Year = 2026, Venue = "Hội trường" }));
    }
}
