using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>
/// Watches one topic's or source's tone: each closed minute's opinions go to a
/// <see cref="SentimentShiftDetector"/>, whose verdicts an <see cref="AlertTracker"/> turns into one
/// incident per turn (hysteresis, cool-down, updated rather than re-raised, resolved when the tone is back).
/// Judged on closed minutes only: a turn in tone builds over minutes, and a minute's opinions are few.
/// </summary>
public sealed class ToneWatch(TimeZoneInfo timeZone)
{
    /// <summary>Resolved after this long without an abnormal window; the window itself still remembers the turn for 20 minutes.</summary>
    public static readonly TimeSpan CoolDown = TimeSpan.FromMinutes(20);

    private readonly SentimentShiftDetector _detector = new(SentimentShiftOptions.Default with { TimeZone = timeZone });
    private readonly AlertTracker _tracker = new(AlertTrackerOptions.Default with { CoolDown = CoolDown });

    public bool IsOpen => _tracker.IsOpen;

    /// <summary>A closed minute, in order; the incident event it causes, if any.</summary>
    public AlertEvent? Observe(DateTimeOffset minuteStart, BucketCounts minute)
    {
        var verdict = _detector.Observe(minuteStart, minute.Negative, minute.Negative + minute.Positive);
        return _tracker.Observe(verdict.AsCount()) is { } e ? e with { Opinions = verdict.Opinions } : null;
    }
}
