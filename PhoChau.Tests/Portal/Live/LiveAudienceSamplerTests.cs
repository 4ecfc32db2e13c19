using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using PhoChau.Core.Persistence;
using PhoChau.Portal.Features.Live;

namespace PhoChau.Tests.Portal.Live;

/// <summary>
/// The portal writes down the most who followed a session's live page at once (for the minutes and the report): three
/// phones follow it, two leave, and the record keeps three.
/// </summary>
public sealed class LiveAudienceSamplerTests
{
    [Fact]
    public async Task The_most_viewers_at_once_are_recorded_and_kept_when_they_leave()
    {
        await using var portal = await DemoSession.StartAsync();
        var sampler = portal.Services.GetServices<IHostedService>().OfType<LiveAudienceSampler>().Single();
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var ct = TestContext.Current.CancellationToken;
        var phones = new List<(HttpResponseMessage Response, StreamReader Reader)>();
        for (var i = 0; i < 3; i++)
        {
            var response = await http.GetAsync("/truc-tiep/1/su-kien", HttpCompletionOption.ResponseHeadersRead, ct);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            while (await reader.ReadLineAsync(ct) is { } line && !line.StartsWith("data: ", StringComparison.Ordinal)) { } // the whole view: following
            phones.Add((response, reader));
        }
        foreach (var (response, reader) in phones.Skip(1))
        {
            reader.Dispose();
            response.Dispose();
        }
        await sampler.SampleAsync(ct);
        await sampler.SampleAsync(ct);

        await using var db = portal.Services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContext();
        var audience = db.LiveAudiences.AsNoTracking().Single(a => a.DialogueId == 1);
        Assert.Equal(3, audience.PeakViewers);
        Assert.Equal(0, audience.PeakListeners); // no stream configured
        phones[0].Reader.Dispose();
        phones[0].Response.Dispose();
    }
}
