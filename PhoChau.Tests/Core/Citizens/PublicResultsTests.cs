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
        Assert.Equal(expected, PublicResultsService.Redact(text, ["Nguyễn Văn An", "0905123456", "049012345678"]));
}
