using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>
/// Watches one topic's or source's tone: each closed minute's opinions (counted once per conversation,
/// <see cref="ConversationOpinions"/>) go to a
/// <see cref="SentimentShiftDetector"/>, whose verdicts an <see cref="AlertTracker"/> turns into one
/// incident per turn (hysteresis, cool-down, updated rather than re-raised, resolved when the tone is back).
/// Judged on closed minutes only: a turn in tone builds over minutes, and a minute's opinions are few.
/// </summary>
public sealed class ToneWatch(TimeZoneInfo timeZone, SentimentShiftOptions? options = null, ToneWatch.State? state = null)
{
    /// <summary>Resolved after this long without an abnormal window; the window itself still remembers the turn for 20 minutes.</summary>
    public static readonly TimeSpan CoolDown = TimeSpan.FromMinutes(20);

    private static readonly AlertTrackerOptions Thresholds = AlertTrackerOptions.Default with { CoolDown = CoolDown };

    private readonly SentimentShiftDetector _detector = state is null
        ? new((options ?? SentimentShiftOptions.Default) with { TimeZone = timeZone })
        : SentimentShiftDetector.Restore(state.Detector, (options ?? SentimentShiftOptions.Default) with { TimeZone = timeZone });
    private readonly AlertTracker _tracker = state is null ? new(Thresholds) : AlertTracker.Restore(state.Tracker, Thresholds);

    /// <summary>The learned tone and the open incident, for persisting; pass it to the constructor to continue.</summary>
    public sealed record State(SentimentShiftDetector.State Detector, AlertTracker.State Tracker);

    public State Snapshot() => new(_detector.Snapshot(), _tracker.Snapshot());

    public bool IsOpen => _tracker.IsOpen;

    /// <summary>A closed minute, in order; the incident event it causes, if any.</summary>
    public AlertEvent? Observe(DateTimeOffset minuteStart, BucketCounts minute)
    {
        var verdict = _detector.Observe(minuteStart, minute.Negative, minute.Negative + minute.Positive);
        return _tracker.Observe(verdict.AsCount()) is { } e ? e with { Opinions = verdict.Opinions } : null;
    }
}
