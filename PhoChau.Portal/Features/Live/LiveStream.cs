using System.Text.Json;

namespace PhoChau.Portal.Features.Live;

/// <summary>What the stream server says of the hall's sound: playing or not, and to how many listeners.</summary>
public sealed record StreamState(bool Configured, bool Up, int Listeners);

/// <summary>
/// Reads the stream server's status (Icecast's status-json.xsl) for the secretary and the live page, at most every
/// few seconds whatever the number of readers, with a short timeout: a stream server down never slows the hall.
/// </summary>
public sealed class LiveStream(IOptionsMonitor<LiveOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<LiveStream> log)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(4);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private (DateTimeOffset At, StreamState State)? _last;

    public async Task<StreamState> GetAsync(CancellationToken ct = default)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(o.Stream) || o.StatusAddress() is not { } status) return new StreamState(false, false, 0);
        if (_last is { } last && clock.GetUtcNow() - last.At < Fresh) return last.State;
        if (!await _reading.WaitAsync(0, ct)) return _last?.State ?? new StreamState(true, false, 0); // another reader asks now
        try
        {
            var state = await ReadAsync(status, o.Stream!, ct);
            _last = (clock.GetUtcNow(), state);
            return state;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<StreamState> ReadAsync(string status, string stream, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var client = http.CreateClient(nameof(LiveStream));
            await using var body = await client.GetStreamAsync(status, timeout.Token);
            using var doc = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
            var mount = new Uri(stream).AbsolutePath;
            // Icecast gives one source as an object, several as an array, none as no "source" at all.
            if (!doc.RootElement.TryGetProperty("icestats", out var stats) || !stats.TryGetProperty("source", out var sources))
                return new StreamState(true, false, 0);
            var list = sources.ValueKind == JsonValueKind.Array ? sources.EnumerateArray().ToList() : [sources];
            foreach (var s in list)
                if (s.TryGetProperty("listenurl", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var u) && u.AbsolutePath == mount)
                    return new StreamState(true, true, s.TryGetProperty("listeners", out var n) && n.TryGetInt32(out var count) ? count : 0);
            return new StreamState(true, false, 0);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or UriFormatException)
        {
            log.LogDebug(ex, "The stream server's status could not be read");
            return new StreamState(true, false, 0);
        }
    }
}
