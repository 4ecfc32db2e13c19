using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Features.Live;

/// <summary>
/// Writes down the most who followed each session online (for the minutes, the report and the evidence pack): every few
/// seconds, the live page's peak viewers on this node and, while the hall is in session, the stream server's listeners.
/// Writes only when a peak rises; a database that does not answer is retried at the next turn, never stops the portal.
/// </summary>
public sealed class LiveAudienceSampler(LiveFeed feed, LiveStream stream, LiveAudienceService audience, TimeProvider clock, ILogger<LiveAudienceSampler> log)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SampleAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the portal stops
        }
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        var rooms = feed.Audience();
        if (rooms.Count == 0) return;
        var listeners = rooms.Any(r => r.InSession) ? (await stream.GetAsync(ct)).Listeners : 0;
        foreach (var room in rooms.Where(r => r.PeakViewers > 0 || r.InSession))
        {
            try
            {
                using (CommuneScope.Enter(room.Commune))
                    await audience.RecordAsync(room.DialogueId, room.PeakViewers, room.InSession ? listeners : 0, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "The online audience of session {Session} could not be recorded; retried in {Seconds} s", room.DialogueId, Every.TotalSeconds);
            }
        }
    }
}
