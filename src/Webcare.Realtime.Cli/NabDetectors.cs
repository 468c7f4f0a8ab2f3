using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Cli;

/// <summary>
/// The detectors the nab verb can run. Each gets the series one row at a time, in order, and returns a
/// score for that row before seeing the next: no lookahead.
/// </summary>
internal static class NabDetectors
{
    public static readonly string[] Names = ["webcare", "webcareRaise", "webcareRaw", "windowedGaussian"];

    public static double[] Run(string name, NabSeries series) => name switch
    {
        "webcare" => Alerts(series),
        "webcareRaise" => [.. Alerts(series).Select(score => score > 0 ? 1.0 : 0.0)],
        "webcareRaw" => RawScores(series),
        "windowedGaussian" => WindowedGaussian(series),
        _ => throw new ArgumentException($"unknown detector '{name}'; one of: {string.Join(", ", Names)}"),
    };

    /// <summary>
    /// What a webcare team sees: a detection at the bucket where an incident is raised, scored by that
    /// bucket's anomaly score; 0 while the incident stays open. NAB counts each flagged row of a plateau
    /// outside a window as a false positive, while a team sees one alert, so this is the fair reading.
    /// "webcareRaise" is the same with 1 at each raise: the tracker's raise score is then the only
    /// threshold, and there is no second, NAB-optimised threshold on the raise scores to transfer to a
    /// new series (BENCHMARKS.md, "NAB held out").
    /// </summary>
    private static double[] Alerts(NabSeries series)
    {
        var detector = new CountAnomalyDetector();
        var tracker = new AlertTracker(AlertTrackerOptions.Counts);
        var scores = new double[series.Values.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var bucket = detector.Observe(new DateTimeOffset(series.Timestamps[i]), (long)series.Values[i]);
            if (tracker.Observe(bucket) is { Kind: AlertEventKind.Raised }) scores[i] = bucket.Score;
        }
        return scores;
    }

    private static double[] RawScores(NabSeries series)
    {
        var detector = new CountAnomalyDetector();
        var scores = new double[series.Values.Length];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = detector.Observe(new DateTimeOffset(series.Timestamps[i]), (long)series.Values[i]).Score;
        return scores;
    }

    private static double[] WindowedGaussian(NabSeries series)
    {
        var detector = new WindowedGaussianDetector();
        var scores = new double[series.Values.Length];
        for (var i = 0; i < scores.Length; i++) scores[i] = detector.Observe(series.Values[i]);
        return scores;
    }
}
