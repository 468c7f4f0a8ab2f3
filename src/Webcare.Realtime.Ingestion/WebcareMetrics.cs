using System.Diagnostics.Metrics;

namespace Webcare.Realtime.Ingestion;

/// <summary>
/// The service's own instruments (System.Diagnostics.Metrics, meter <c>Webcare.Realtime</c>), exported at
/// <c>/metrics</c> in Prometheus format by the host. Names as Prometheus shows them are in README.md
/// (Operations) and used by <c>dashboards/grafana/webcare-realtime.json</c>. The histograms are in seconds
/// and bring their own bucket boundaries: the exporter's defaults are meant for milliseconds.
/// </summary>
public static class WebcareMetrics
{
    public const string MeterName = "Webcare.Realtime";

    private static readonly Meter Meter = new(MeterName);

    /// <summary><c>webcare_mentions_total{outcome="accepted|duplicate|rejected"}</c>: its rate is the ingest rate.</summary>
    public static readonly Counter<long> Mentions = Meter.CreateCounter<long>("webcare.mentions", description: "Mentions ingested, by outcome");

    /// <summary><c>webcare_enrichment_duration_seconds</c>: language, sentiment, topics and redaction, per batch.</summary>
    public static readonly Histogram<double> EnrichmentDuration = Meter.CreateHistogram(
        "webcare.enrichment.duration", unit: "s", description: "Time to enrich one batch", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private static long _wallConnections;

    /// <summary>
    /// <c>webcare_wall_connections</c>: walls connected to this host's hub. Observed as a current value, not
    /// added up from +1/−1: an exporter that starts after some walls connected (or a second host in the same
    /// process, as in the tests) would otherwise count their disconnects without their connects.
    /// </summary>
    private static readonly ObservableUpDownCounter<long> WallConnections = Meter.CreateObservableUpDownCounter(
        "webcare.wall.connections", () => Interlocked.Read(ref _wallConnections), description: "Wall hub connections on this host");

    public static void WallConnected() => Interlocked.Increment(ref _wallConnections);

    public static void WallDisconnected() => Interlocked.Decrement(ref _wallConnections);

    /// <summary><c>webcare_wall_frames_total</c>: frames pushed to tenant groups.</summary>
    public static readonly Counter<long> WallFrames = Meter.CreateCounter<long>("webcare.wall.frames", description: "Frames pushed to walls");

    /// <summary><c>webcare_wall_push_lag_seconds</c>: from a mention's arrival to the frame carrying it leaving this host.</summary>
    public static readonly Histogram<double> WallPushLag = Meter.CreateHistogram(
        "webcare.wall.push_lag", unit: "s", description: "Ingest to push delay of the oldest mention in a frame", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30] });

    public static void RecordOutcome(int accepted, int duplicates, int rejected)
    {
        if (accepted > 0) Mentions.Add(accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        if (duplicates > 0) Mentions.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        if (rejected > 0) Mentions.Add(rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
    }
}
