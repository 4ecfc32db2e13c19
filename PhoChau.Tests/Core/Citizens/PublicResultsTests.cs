using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Citizens;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Citizens;

/// <summary>Issue 23: the public results carry each held dialogue's notice and answers, and no personal data.</summary>
public sealed class PublicResultsTests
{
    [Fact]
    public async Task The_results_show_the_notice_and_each_answer_with_every_name_phone_address_and_ID_number_hidden()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, open) = await ConcludedSession.WithIssuedNoticeAsync(host);
        var results = await host.Get<PublicResultsService>().ListAsync();

        var dialogue = Assert.Single(results);
        Assert.Equal("12/TB-UBND", dialogue.NoticeNumber);
        Assert.Contains($"{open.Code} của {PublicResultsService.Hidden}", dialogue.Notice); // the notice names the petitioner: hidden
        Assert.Equal(2, dialogue.Petitions.Count);
        Assert.Contains(dialogue.Petitions, p => p.Answer == "Trả kết quả ngày 10/3/2026.");

        var json = JsonSerializer.Serialize(results, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var csv = System.Text.Encoding.UTF8.GetString(PublicResultsService.Csv(results));
        await using var db = host.NewDb();
        var personal = await db.Petitions.AsNoTracking().Where(p => p.DialogueId == d.Id)
            .Select(p => new[] { p.PetitionerName, p.Phone, p.Address, p.IdCardNumber }).ToListAsync();
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.DialogueId == d.Id).Select(s => s.Name).ToListAsync();
        foreach (var value in personal.SelectMany(x => x).Concat(speakers).Where(v => !string.IsNullOrEmpty(v)))
        {
            Assert.DoesNotContain(value!, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value!, csv, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(open.Code, csv);
    }

    [Theory]
    [InlineData("Gọi cho ông Nguyễn Văn An số 0905 123 456 hoặc 0905.123.456", "Gọi cho ông [đã ẩn] số [đã ẩn] hoặc [đã ẩn]")]
    [InlineData("CCCD 049012345678 của NGUYỄN VĂN AN", "CCCD [đã ẩn] của [đã ẩn]")]
    public void A_value_is_hidden_whatever_its_case_or_spacing(string text, string expected) =>
        Assert.Equal(expected, PublicRedaction.Redact(text, new PersonalValues().Add("Nguyễn Văn An", "0905123456", idNumber: "049012345678")).Text);

    /// <summary>Issue 32.3: the spellings a clerk or a citizen writes, each hidden.</summary>
    [Theory]
    [InlineData("Liên hệ +84912345678 để hẹn.", "Liên hệ [đã ẩn] để hẹn.")]
    [InlineData("Liên hệ 84912345678 để hẹn.", "Liên hệ [đã ẩn] để hẹn.")]
    [InlineData("Liên hệ +84 912 345 678 để hẹn.", "Liên hệ [đã ẩn] để hẹn.")]
    [InlineData("Liên hệ (ĐT0912-345-678).", "Liên hệ (ĐT[đã ẩn]).")]
    [InlineData("Ong Nguyen Van An da nop ho so.", "Ong [đã ẩn] da nop ho so.")]
    [InlineData("Ông nguyễn văn an đã nộp hồ sơ.", "Ông [đã ẩn] đã nộp hồ sơ.")]
    [InlineData("Gửi an.nguyen@example.vn bản sao.", "Gửi [đã ẩn] bản sao.")]
    [InlineData("Gửi AN.NGUYEN@EXAMPLE.VN bản sao.", "Gửi [đã ẩn] bản sao.")]
    [InlineData("Nhà số 12 Lê Lợi bị ngập.", "Nhà số [đã ẩn] bị ngập.")]
    [InlineData("Nhà số 12 Le Loi bị ngập.", "Nhà số [đã ẩn] bị ngập.")]
    [InlineData("CCCD 079 201 001 234 cấp năm 2021.", "CCCD [đã ẩn] cấp năm 2021.")]
    [InlineData("CCCD 079.201.001.234 cấp năm 2021.", "CCCD [đã ẩn] cấp năm 2021.")]
    [InlineData("Thôn Vĩnh Tuy đã có đường.", "Thôn Vĩnh Tuy đã có đường.")] // the village is not the person
    [InlineData("Anh Nguyễn Văn Anh không liên quan.", "Anh Nguyễn Văn Anh không liên quan.")] // another name that merely begins alike
    public void Every_spelling_of_a_persons_values_is_hidden(string text, string expected)
    {
        var people = new PersonalValues().Add("Nguyễn Văn An", "0912345678", "12 Lê Lợi, thôn Vĩnh Tuy", "079201001234", "an.nguyen@example.vn");
        Assert.Equal(expected, PublicRedaction.Redact(text, people).Text);
    }

    [Fact]
    public void A_name_in_decomposed_Unicode_looks_the_same_and_is_hidden_the_same()
    {
        var people = new PersonalValues().Add("Phạm Thị Dung");
        var decomposed = "Bà Phạm Thị Dung đến nhận.".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("Bà Phạm Thị Dung đến nhận.", decomposed);

        var redacted = PublicRedaction.Redact(decomposed, people);

        Assert.Equal("Bà [đã ẩn] đến nhận.", redacted.Text);
        Assert.Equal(["Phạm Thị Dung"], redacted.Hidden); // what the approver is shown
    }

    /// <summary>Issue 32.2: an erased citizen quoted in an answer and in the notice is not published again.</summary>
    [Fact]
    public async Task Erasing_a_person_quoted_in_an_answer_and_the_notice_never_publishes_them_again()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host, new DateOnly(2026, 3, 2));
        var input = WorkflowData.Input(d.Id, "Phạm Thị Dung");
        input.Phone = "0900023757";
        input.IdCardNumber = "079201001234";
        var dung = await host.Get<PetitionService>().CreateAsync(CoreTestHost.Secretary, input);
        var outcomes = host.Get<SessionOutcomeService>();
        await outcomes.AssignAsync(CoreTestHost.Chairman, dung.Id, await WorkflowData.DepartmentIdAsync(host));
        await outcomes.SettleAsync(CoreTestHost.Chairman, dung.Id,
            "Bà Phạm Thị Dung (ĐT 0900023757, CCCD 079201001234) nhận kết quả ngày 10/3/2026.", "Công chức Địa chính");
        await host.Get<PhoChau.Core.Speakers.HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Kết luận.");
        var service = host.Get<PublicResultsService>();
        async Task<string> PublishedAsync() => System.Text.Encoding.UTF8.GetString(await service.CsvAsync())
                                               + System.Text.Encoding.UTF8.GetString(await service.JsonAsync())
                                               + string.Join('\n', (await service.ListAsync()).SelectMany(x => x.Petitions).Select(p => p.Answer));
        var before = await PublishedAsync();
        Assert.Contains("nhận kết quả ngày 10/3/2026", before);
        Assert.DoesNotContain("Dung", before);

        var request = await host.Get<PhoChau.Core.PersonalData.DataRequestService>().RegisterAsync(CoreTestHost.Secretary, new PhoChau.Core.PersonalData.DataRequestInput
        {
            Kind = PhoChau.Core.PersonalData.DataRequestKind.Erase, RequesterName = "Phạm Thị Dung", Phone = "0900023757", ReceivedOn = new DateOnly(2026, 3, 2),
        });
        await host.Get<PhoChau.Core.PersonalData.DataRequestService>().EraseAsync(CoreTestHost.Secretary, request.Id);

        var after = await PublishedAsync();
        Assert.Contains("nhận kết quả ngày 10/3/2026", after);
        foreach (var value in new[] { "Phạm Thị Dung", "Pham Thi Dung", "0900023757", "900023757", "079201001234" })
            Assert.DoesNotContain(value, after);
        // Nor anywhere the public copies are kept, nor in the answer the portal keeps.
        await using var db = host.NewDb();
        var copies = await db.PublicCopies.AsNoTracking().ToListAsync();
        Assert.All(copies, c => Assert.DoesNotContain("0900023757", c.Text + c.Hidden));
        Assert.All(copies, c => Assert.DoesNotContain("Dung", c.Text + c.Hidden));
        Assert.DoesNotContain("0900023757", (await WorkflowData.ReloadAsync(host, dung.Id)).SessionAnswer);
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var csv = System.Text.Encoding.UTF8.GetString(PublicResultsService.Csv([
            new PublicDialogueResult(1, "=HYPERLINK(\"http://x\")", new DateOnly(2026, 3, 2), "Hội trường", null, null, null,
                [new PublicPetitionResult("KN-2026-001", new DateOnly(2026, 2, 1), "Khác", "Đã trả lời", null, "+1+cmd|' /C calc'!A0", "-2+3", null),
                 new PublicPetitionResult("KN-2026-002", new DateOnly(2026, 2, 1), "Khác", "Đã trả lời", null, "@SUM(A1)", "bình thường", null)]),
        ]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.Contains("\"'+1+cmd|' /C calc'!A0\"", csv);
        Assert.Contains("\"'-2+3\"", csv);
        Assert.Contains("\"'@SUM(A1)\"", csv);
        Assert.Contains("\"bình thường\"", csv);
    }
}
