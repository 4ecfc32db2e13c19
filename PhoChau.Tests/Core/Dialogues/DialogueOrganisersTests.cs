using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;

namespace PhoChau.Tests.Core.Dialogues;

/// <summary>Issue 23, who and why (art. 43, Law on Organisation of Local Government 2025): co-organiser, co-chair, form, voters' request.</summary>
public sealed class DialogueOrganisersTests
{
    [Theory]
    [InlineData(99, 1000, false)]
    [InlineData(100, 1000, true)] // exactly 10 %
    [InlineData(101, 1000, true)]
    [InlineData(1, 11, false)]    // 9.09 %
    [InlineData(2, 11, true)]     // 18.2 %
    public void A_voters_request_obliges_a_dialogue_from_ten_percent_of_the_voters(int signatures, int voters, bool obliges)
    {
        Assert.Equal(obliges, new VotersRequestCheck(signatures, voters).Obliges);
        Assert.Null(new VotersRequestCheck(signatures, null).Obliges); // the year's voters not given yet
    }

    private static int _week;

    /// <summary>A new dialogue (each on its own Tuesday: two of one title and date are refused as a double) changed as given.</summary>
    private static async Task<Dialogue> WithAsync(CoreTestHost host, Action<DialogueInput> change)
    {
        var service = host.Get<DialogueService>();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14).AddDays(7 * (Interlocked.Increment(ref _week) % 30)));
        var input = DialogueInput.From(d, []);
        change(input);
        await service.UpdateAsync(CoreTestHost.Secretary, d.Id, d.Version, input);
        return await service.GetAsync(d.Id);
    }

    [Fact]
    public async Task A_request_above_the_communes_voters_is_refused_and_one_below_ten_percent_is_recorded_without_obliging()
    {
        await using var host = await CoreTestHost.StartAsync();
        var dialogues = host.Get<DialogueService>();
        await dialogues.SetVotersAsync(CoreTestHost.Admin, 2026, 4000);
        await Assert.ThrowsAsync<ForbiddenException>(() => dialogues.SetVotersAsync(CoreTestHost.Secretary, 2026, 5000));

        var refused = await Assert.ThrowsAsync<DomainException>(() => WithAsync(host, x =>
        {
            x.Reason = DialogueReason.VotersRequest;
            x.VotersRequestDate = new DateOnly(2026, 2, 20);
            x.VotersRequestSignatures = 4001;
        }));
        Assert.Contains("4001", refused.Message);
        Assert.Contains("4000", refused.Message);

        var d = await WithAsync(host, x =>
        {
            x.Reason = DialogueReason.VotersRequest;
            x.VotersRequestDate = new DateOnly(2026, 2, 20);
            x.VotersRequestSignatures = 399; // 9.98 %
        });
        var check = await dialogues.VotersRequestAsync(d.Id);
        Assert.Equal((399, 4000, false), (check!.Signatures, check.Voters, check.Obliges));
        Assert.Equal(9.98m, check.Percent);
    }

    [Fact]
    public async Task An_online_dialogue_needs_its_link_and_a_voters_request_its_date_and_signatures()
    {
        await using var host = await CoreTestHost.StartAsync();
        var online = await Assert.ThrowsAsync<DomainException>(() => WithAsync(host, x => { x.Form = DialogueForm.Online; x.OnlineLink = "zalo group"; }));
        Assert.Contains("đường dẫn hợp lệ", online.Message);
        var request = await Assert.ThrowsAsync<DomainException>(() => WithAsync(host, x => x.Reason = DialogueReason.VotersRequest));
        Assert.Contains("ngày cử tri gửi đề nghị", request.Message);
        Assert.Contains("số cử tri ký đề nghị", request.Message);
    }

    [Fact]
    public async Task The_co_organiser_the_co_chair_the_form_and_the_request_are_printed_in_the_plan_the_announcement_and_the_minutes()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<DialogueService>().SetVotersAsync(CoreTestHost.Admin, 2026, 4000);
        var d = await WithAsync(host, x =>
        {
            x.CoOrganiserName = "Trần Văn Mặt";
            x.CoOrganiserTitle = "Chủ tịch Ủy ban MTTQ Việt Nam xã";
            x.CoChairName = "Nguyễn Thị Hội";
            x.CoChairTitle = "Phó Chủ tịch HĐND xã";
            x.Form = DialogueForm.InPersonAndOnline;
            x.OnlineLink = "https://zalo.me/g/phochau";
            x.Reason = DialogueReason.VotersRequest;
            x.VotersRequestDate = new DateOnly(2026, 2, 20);
            x.VotersRequestSignatures = 500;
        });
        var documents = host.Get<DocumentService>();
        var plan = (await documents.DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Plan)).Text;
        var announcement = (await documents.DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Announcement)).Text;
        var minutes = string.Join('\n', (await documents.ComposeAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Minutes)).Body);
        foreach (var text in new[] { plan, announcement, minutes })
        {
            Assert.Contains("- Phối hợp tổ chức: Ủy ban Mặt trận Tổ quốc Việt Nam xã (ông/bà Trần Văn Mặt, Chủ tịch Ủy ban MTTQ Việt Nam xã).", text);
            Assert.Contains("- Đồng chủ trì: Thường trực Hội đồng nhân dân xã (ông/bà Nguyễn Thị Hội, Phó Chủ tịch HĐND xã).", text);
            Assert.Contains("trực tiếp tại hội trường và trực tuyến qua địa chỉ https://zalo.me/g/phochau", text);
        }
        Assert.Contains("Theo đề nghị của 500 cử tri ngày 20/02/2026 (12,5 % số cử tri của xã).", plan);
    }
}
