using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PhoChau.Core.Monitoring;

/// <summary>
/// The portal's own instruments (meter "PhoChau"), beside ASP.NET Core's and the runtime's: what a province's operators
/// watch on each node. Recording costs next to nothing while nobody listens (metrics are off by default).
/// Names follow OpenTelemetry's conventions; the Prometheus exporter turns "phochau.queue.actions" into
/// phochau_queue_actions_total and a duration in seconds into …_seconds_bucket/_sum/_count.
/// </summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "PhoChau";

    private readonly Meter _meter;
    private long _hubConnections;
    private long _circuits;
    private readonly Counter<long> _queueActions;
    private readonly Histogram<double> _queueActionDuration;
    private readonly Histogram<double> _relayLag;
    private readonly Counter<long> _lookups;
    private readonly Histogram<double> _dbCommandDuration;
    private Func<double?>? _backupAge;

    public PortalMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        // Observed rather than counted up and down: a node with none open still reports 0.
        _meter.CreateObservableUpDownCounter("phochau.hub.connections", () => Interlocked.Read(ref _hubConnections), "{connection}", "Open connections to /hubs/hall on this node");
        _meter.CreateObservableUpDownCounter("phochau.circuits", () => Interlocked.Read(ref _circuits), "{circuit}", "Open Blazor circuits (interactive pages) on this node");
        _queueActions = _meter.CreateCounter<long>("phochau.queue.actions", "{action}", "Saved changes of a session's speaker queue, by action and outcome");
        _queueActionDuration = _meter.CreateHistogram<double>("phochau.queue.action.duration", "s", "Time to save a queue change (gate, transaction, commit)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _relayLag = _meter.CreateHistogram<double>("phochau.hall.relay.lag", "s", "Time from a hall change sent by another node to its arrival here",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
        _lookups = _meter.CreateCounter<long>("phochau.public.lookups", "{lookup}", "Citizens' lookups on /tra-cuu by outcome (found, not_found, locked, throttled)");
        _dbCommandDuration = _meter.CreateHistogram<double>("phochau.db.command.duration", "s", "Database command duration, by kind (reader, non_query, scalar)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
        _meter.CreateObservableGauge("phochau.backup.age", ObserveBackupAge, "s", "Seconds since the newest backup (absent when there is none)");
    }

    public void HubConnected() => Interlocked.Increment(ref _hubConnections);
    public void HubDisconnected() => Interlocked.Decrement(ref _hubConnections);
    public void CircuitOpened() => Interlocked.Increment(ref _circuits);
    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    public void QueueAction(string action, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "action", action }, { "outcome", outcome } };
        _queueActions.Add(1, tags);
        _queueActionDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void RelayLag(TimeSpan lag) => _relayLag.Record(Math.Max(0, lag.TotalSeconds));

    public void Lookup(string outcome) => _lookups.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public bool RecordsDbCommands => _dbCommandDuration.Enabled;

    public void DbCommand(string kind, TimeSpan elapsed, bool failed) =>
        _dbCommandDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("failed", failed));

    /// <summary>Where the age of the newest backup comes from (set by the portal when it serves /metrics).</summary>
    public void ObserveBackupsWith(Func<double?> ageSeconds) => _backupAge = ageSeconds;

    private IEnumerable<Measurement<double>> ObserveBackupAge()
    {
        if (_backupAge?.Invoke() is { } age) yield return new Measurement<double>(age);
    }

    public void Dispose() => _meter.Dispose();
}
