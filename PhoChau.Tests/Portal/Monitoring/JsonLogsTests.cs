using System.Text.Json;

namespace PhoChau.Tests.Portal.Monitoring;

/// <summary>Issue 21: Logging:Format=json gives a log collector one JSON object per line, from the portal's own process.</summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task With_the_json_format_every_log_line_is_a_json_object_with_time_level_category_and_message()
    {
        var port = PortalProcess.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var data = Path.Combine(Path.GetTempPath(), "phochau-tests", Guid.NewGuid().ToString("N"));
        await using var portal = PortalProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data, ["Logging__Format"] = "json",
        });
        await portal.WaitHealthyAsync(url);

        var logged = portal.Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(logged, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
                                     && e.GetProperty("Message").GetString()!.Contains(url));
        Assert.All(logged, e =>
        {
            Assert.True(DateTime.TryParse(e.GetProperty("Timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var at) && at.Kind == DateTimeKind.Utc);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("LogLevel").GetString()));
        });
        // What is not a JSON object is the start-up banner an operator reads, framed by its rules; no log line in text.
        Assert.DoesNotContain(portal.Lines, l => l.Contains(" info: ") || l.Contains(" warn: "));
        try { Directory.Delete(data, true); } catch (IOException) { }
    }
}
