using PhoChau.Core.AfterSession;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;

namespace PhoChau.Tests.Core.AfterSession;

public sealed class AfterSessionServiceTests
{
    [Fact]
    public async Task The_minutes_are_drafted_from_the_record_of_the_session()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, settled, open) = await ConcludedSession.ArrangeAsync(host);
        var minutes = await host.Get<AfterSessionService>().DraftMinutesAsync(CoreTestHost.Secretary, d.Id);
        Assert.Equal(1, minutes.VersionNumber);
        Assert.Contains("Chủ trì: Lê Văn Thái, Chủ tịch UBND xã", minutes.Content);
        Assert.Contains("Thư ký: Nguyễn Thị Mai", minutes.Content);
        Assert.Contains("1. Nguyễn Văn An (Thôn Vĩnh Tuy): Hồ sơ đất nộp đã hai tháng.", minutes.Content);
        Assert.Contains("Trả lời: Công chức Địa chính: trả kết quả ngày 10/3.", minutes.Content);
        Assert.Contains($"{settled.Code} (Nguyễn Văn An): Trả kết quả ngày 10/3/2026. — Công chức Địa chính Trần Văn Long", minutes.Content);
        // Not settled: reply due 10 working days after Mon 2/3/2026 → Mon 16/3/2026.
        Assert.Contains($"{open.Code} (Trần Thị Bình): giao Địa chính - Nông nghiệp - Xây dựng và Môi trường, hạn 16/03/2026", minutes.Content);
        Assert.Contains("Các bộ phận khẩn trương trả lời", minutes.Content);
    }

    [Fact]
    public async Task Final_minutes_are_locked_finalising_twice_is_refused_and_a_correction_is_a_new_version()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, _) = await ConcludedSession.ArrangeAsync(host);
        var service = host.Get<AfterSessionService>();
        var draft = await service.DraftMinutesAsync(CoreTestHost.Secretary, d.Id);
        await Assert.ThrowsAsync<DomainException>(() => service.DraftMinutesAsync(CoreTestHost.Secretary, d.Id));
        await service.SaveMinutesAsync(CoreTestHost.Secretary, draft.Id, draft.Version, "Nội dung đã sửa.");
        var v1 = (await service.MinutesVersionsAsync(d.Id)).Single();
        await service.FinaliseMinutesAsync(CoreTestHost.Secretary, v1.Id, v1.Version);

        var again = await Assert.ThrowsAsync<DomainException>(async () =>
        {
            var locked = (await service.MinutesVersionsAsync(d.Id)).Single();
            await service.FinaliseMinutesAsync(CoreTestHost.Secretary, locked.Id, locked.Version);
        });
        Assert.Contains("đã hoàn thành và khóa", again.Message);
        var locked = (await service.MinutesVersionsAsync(d.Id)).Single();
        await Assert.ThrowsAsync<DomainException>(() => service.SaveMinutesAsync(CoreTestHost.Secretary, locked.Id, locked.Version, "Sửa lén"));

        var v2 = await service.DraftMinutesAsync(CoreTestHost.Secretary, d.Id);
        Assert.Equal((2, "Nội dung đã sửa."), (v2.VersionNumber, v2.Content));
        var versions = await service.MinutesVersionsAsync(d.Id);
        Assert.Equal([2, 1], versions.Select(v => v.VersionNumber));
        Assert.True(versions[1].IsFinal);
        Assert.Equal("Nội dung đã sửa.", versions[1].Content);
    }

    [Fact]
    public async Task Minutes_before_the_session_has_concluded_are_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<AfterSessionService>().DraftMinutesAsync(CoreTestHost.Secretary, d.Id));
        Assert.Contains("chưa kết thúc", ex.Message);
    }

    [Fact]
    public async Task The_notice_is_due_5_working_days_after_approved_by_the_chair_and_issued_with_its_number()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, open) = await ConcludedSession.ArrangeAsync(host);
        var service = host.Get<AfterSessionService>();
        var notice = await service.DraftNoticeAsync(CoreTestHost.Secretary, d.Id);
        Assert.Contains("Các bộ phận khẩn trương", notice.Content);
        Assert.Contains($"{open.Code} của Trần Thị Bình", notice.Content);

        // 5 after Mon 2/3/2026: 3, 4, 5, 6, 9 → Mon 9/3; on Tue 10/3 it is overdue by one working day.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero));
        var (_, due) = await service.NoticeAsync(d.Id);
        Assert.Equal((new DateOnly(2026, 3, 9), -1), (due!.Value.DueDate, due.Value.WorkingDaysLeft));

        await Assert.ThrowsAsync<DomainException>(() => service.IssueNoticeAsync(CoreTestHost.Secretary, notice.Id, notice.Version, "12/TB-UBND", new DateOnly(2026, 3, 10)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ApproveNoticeAsync(CoreTestHost.Secretary, notice.Id, notice.Version));
        await service.ApproveNoticeAsync(CoreTestHost.Chairman, notice.Id, notice.Version);
        var approved = (await service.NoticeAsync(d.Id)).Notice!;
        await service.IssueNoticeAsync(CoreTestHost.Secretary, approved.Id, approved.Version, "12/TB-UBND", new DateOnly(2026, 3, 10));

        var (issued, after) = await service.NoticeAsync(d.Id);
        Assert.Equal((NoticeState.Issued, "12/TB-UBND", new DateOnly(2026, 3, 10)), (issued!.State, issued.Number, issued.IssuedOn!.Value));
        Assert.Null(after);
        Assert.Equal(new DateOnly(2026, 3, 10), (await host.Get<DialogueService>().GetAsync(d.Id)).Deadlines.Single(x => x.Key == DeadlineKeys.Conclusion).MetOn);
    }
}
