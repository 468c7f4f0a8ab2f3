using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>
/// Spike watching for one source or topic: feeds each minute that has closed, in order, to a volume
/// and a negative-volume <see cref="SeriesWatch"/> and to a <see cref="ToneWatch"/>, and on ingest also
/// judges the minute still filling (for the spikes).
/// The grain calls it; the demo-detection benchmark runs the very same code in stream time.
/// </summary>
public sealed class ActivityWatch(TimeZoneInfo timeZone, SentimentShiftOptions? tone = null, ActivityWatch.State? state = null)
{
    private readonly SeriesWatch _volume = new(timeZone, state?.Volume);
    private readonly SeriesWatch _negative = new(timeZone, state?.Negative);
    private readonly ToneWatch _tone = new(timeZone, tone, state?.Tone);
    private DateTimeOffset? _lastWatchedMinute = state?.LastWatchedMinute;

    /// <summary>
    /// What the watch has learned (each series' rhythm and calibration) and its open incidents: what a grain
    /// persists so that a restart neither forgets the rhythm nor loses or re-raises an alert. Immutable;
    /// serializable as JSON.
    /// </summary>
    public sealed record State(SeriesWatch.State Volume, SeriesWatch.State Negative, ToneWatch.State Tone, DateTimeOffset? LastWatchedMinute);

    /// <summary>The last closed minute the watch has learned from; it moves only when there is something new to persist.</summary>
    public DateTimeOffset? LastWatchedMinute => _lastWatchedMinute;

    public State Snapshot() => new(_volume.Snapshot(), _negative.Snapshot(), _tone.Snapshot(), _lastWatchedMinute);

    public readonly record struct Step(AlertKind Kind, AlertEvent Event);

    /// <summary>Where an alert's window starts, for its explanation: a tone shift was judged on the window before it opened.</summary>
    public static DateTimeOffset WindowStart(AlertKind kind, DateTimeOffset openedAt) =>
        kind == AlertKind.SentimentShift ? openedAt.AddMinutes(1 - SentimentShiftOptions.Default.WindowMinutes) : openedAt;

    /// <returns>The incident events of this step, and the hour by minute they were judged on (oldest first).</returns>
    public (List<Step> Steps, BucketCounts[] Minutes) Watch(ActivityAggregate aggregate, DateTimeOffset now, bool judgeFillingMinute)
    {
        var steps = new List<Step>();
        if (aggregate.FirstSeen is not { } firstSeen) return (steps, []);
        var (current, minutes) = aggregate.MinuteWindow(now);
        // Tone is judged on opinions counted once per conversation: one busy thread is one voice.
        var opinions = aggregate.OpinionMinuteWindow(now);
        for (var i = 0; i < minutes.Length - 1; i++)
        {
            var start = current - SeriesWatch.Bucket * (minutes.Length - 1 - i);
            // Nothing before the first minute with data: leading zeros would teach the detector a silence.
            if (start <= _lastWatchedMinute || start + SeriesWatch.Bucket <= firstSeen) continue;
            Add(steps, AlertKind.VolumeSpike, _volume.Observe(start, minutes[i].Volume));
            Add(steps, AlertKind.NegativeSpike, _negative.Observe(start, minutes[i].Negative));
            Add(steps, AlertKind.SentimentShift, _tone.Observe(start, opinions[i]));
            _lastWatchedMinute = start;
        }
        if (judgeFillingMinute)
        {
            Add(steps, AlertKind.VolumeSpike, _volume.Peek(current, minutes[^1].Volume));
            Add(steps, AlertKind.NegativeSpike, _negative.Peek(current, minutes[^1].Negative));
        }
        return (steps, minutes);
    }

    private static void Add(List<Step> steps, AlertKind kind, AlertEvent? e)
    {
        if (e is not null) steps.Add(new Step(kind, e));
    }
}
