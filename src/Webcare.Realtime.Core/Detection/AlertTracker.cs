namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Turns a series' per-bucket verdicts into one incident per anomaly: Raised when the score first
/// reaches the raise threshold, Updated when it grows more severe, Resolved once the series has been
/// back below the (lower) keep threshold for the whole cool-down. Pure and allocation-free except for the
/// events it returns.
/// </summary>
public sealed class AlertTracker(AlertTrackerOptions? options = null)
{
    private readonly AlertTrackerOptions _options = options ?? AlertTrackerOptions.Default;
    private long _incidents;
    private bool _open;
    private DateTimeOffset _openedAt;
    private DateTimeOffset _lastAbnormal;
    private int _severity;
    private long _peakObserved;
    private double _peakScore;

    public bool IsOpen => _open;
    public long Incidents => _incidents;

    /// <summary>The incident count and the open incident, if any, for persisting: a restored tracker neither loses nor re-raises it.</summary>
    public sealed record State(long Incidents, bool Open, DateTimeOffset OpenedAt, DateTimeOffset LastAbnormal, int Severity, long PeakObserved, double PeakScore);

    public State Snapshot() => new(_incidents, _open, _openedAt, _lastAbnormal, _severity, _peakObserved, _peakScore);

    public static AlertTracker Restore(State state, AlertTrackerOptions? options = null) => new(options)
    {
        _incidents = state.Incidents,
        _open = state.Open,
        _openedAt = state.OpenedAt,
        _lastAbnormal = state.LastAbnormal,
        _severity = state.Severity,
        _peakObserved = state.PeakObserved,
        _peakScore = state.PeakScore,
    };

    /// <summary>The event this bucket causes, or null when nothing changes for a consumer.</summary>
    public AlertEvent? Observe(in CountAnomaly bucket)
    {
        if (!_open)
        {
            if (!_options.Raises(bucket)) return null;
            _open = true;
            _incidents++;
            _openedAt = bucket.Start;
            _lastAbnormal = bucket.Start;
            _peakObserved = bucket.Observed;
            _peakScore = bucket.Score;
            _severity = AlertSeverity.Of(bucket.Score, bucket.Observed, bucket.Expected);
            return Event(AlertEventKind.Raised, bucket);
        }

        if (bucket.Score >= _options.KeepScore)
        {
            _lastAbnormal = bucket.Start;
            _peakObserved = Math.Max(_peakObserved, bucket.Observed);
            _peakScore = Math.Max(_peakScore, bucket.Score);
            var severity = AlertSeverity.Of(bucket.Score, bucket.Observed, bucket.Expected);
            if (severity < _severity + _options.UpdateOnSeverityRise) return null;
            _severity = severity;
            return Event(AlertEventKind.Updated, bucket);
        }

        if (bucket.Start - _lastAbnormal < _options.CoolDown) return null;
        _open = false;
        return Event(AlertEventKind.Resolved, bucket);
    }

    private AlertEvent Event(AlertEventKind kind, in CountAnomaly bucket) =>
        new(kind, _incidents, bucket.Start, _openedAt, _severity, bucket.Observed, bucket.Expected, bucket.Score,
            _peakObserved, _peakScore);
}
