using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>
/// Watches one live count series (a topic's or source's mentions per minute, or its negative mentions)
/// with the streaming detector and turns its verdicts into incident events. One-minute buckets: the
/// control room needs to know within minutes, not after a five-minute bucket closes.
/// </summary>
public sealed class SeriesWatch
{
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(1);

    private readonly CountAnomalyDetector _detector;
    private readonly AlertTracker _tracker = new();

    public SeriesWatch(TimeZoneInfo timeZone) =>
        _detector = new CountAnomalyDetector(CountAnomalyDetectorOptions.Default with
        {
            BucketsPerHour = 60,
            WarmUpBuckets = 30,
            TimeZone = timeZone,
        });

    /// <summary>A closed minute, in order; the incident event it causes, if any.</summary>
    public AlertEvent? Observe(DateTimeOffset minuteStart, long count) => _tracker.Observe(_detector.Observe(minuteStart, count));

    public bool IsOpen => _tracker.IsOpen;

    /// <summary>Europe/Amsterdam, the audience's rhythm; UTC where the machine has no time-zone data.</summary>
    public static TimeZoneInfo Amsterdam { get; } = FindAmsterdam();

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
