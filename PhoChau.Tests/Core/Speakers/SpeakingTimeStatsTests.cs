using ClosedXML.Excel;
using PhoChau.Core.Reports;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Speakers;

/// <summary>Issue 33 (beyond the peers): speaking-time statistics per speaker and per village, in the speakers' workbook.</summary>
public sealed class SpeakingTimeStatsTests
{
    [Fact]
    public async Task The_speakers_workbook_gives_each_villages_speaking_time_total_average_longest_and_over_the_limit()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host); // 180 s a speaker
        var queue = host.Get<SpeakerQueueService>();
        foreach (var (name, from) in new[] { ("Nguyễn Văn An", "Thôn Vĩnh Tuy"), ("Trần Thị Bình", "Thôn Vĩnh Tuy"), ("Lê Văn Cường", "Thôn Châu Me") })
            await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = name, VillageOrOrganisation = from, Topic = "Đất đai" });
        foreach (var seconds in new[] { 120, 200, 60 })
        {
            await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
            host.Clock.Advance(TimeSpan.FromSeconds(seconds));
        }
        await queue.EndCurrentAsync(CoreTestHost.Chairman, d.Id);

        using var ms = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(CoreTestHost.Secretary, d.Id, ReportKind.Speakers, ms);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        var perSpeaker = wb.Worksheet("Người phát biểu").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("03:20", perSpeaker); // Trần Thị Bình's 200 s
        var rows = wb.Worksheet("Thời gian theo thôn").RowsUsed().Select(r => r.CellsUsed().Select(c => c.GetString()).ToArray()).ToList();
        var vinhTuy = rows.Single(r => r[0] == "Thôn Vĩnh Tuy");
        Assert.Equal(["Thôn Vĩnh Tuy", "2", "05:20", "02:40", "03:20", "1"], vinhTuy);
        var chauMe = rows.Single(r => r[0] == "Thôn Châu Me");
        Assert.Equal(["Thôn Châu Me", "1", "01:00", "01:00", "01:00", "0"], chauMe);
        Assert.True(rows.IndexOf(vinhTuy) < rows.IndexOf(chauMe)); // most time first
    }
}
