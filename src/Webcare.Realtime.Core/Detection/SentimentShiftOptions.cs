namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Tuning for <see cref="SentimentShiftDetector"/>: one-minute buckets of opinionated mentions (positive or
/// negative), judged over a sliding window. Chosen on the demo feed's seed 2026 and checked on seeds 7 and
/// 99 (BENCHMARKS.md).
/// </summary>
public sealed record SentimentShiftOptions
{
    public static SentimentShiftOptions Default { get; } = new();

    /// <summary>Minutes in the judged window: long enough to hold a few dozen opinions on an ordinary topic.</summary>
    public int WindowMinutes { get; init; } = 20;

    /// <summary>Memory of the overall negative share, and of each hour-of-day's share (the daily rhythm of tone).</summary>
    public TimeSpan BaselineHalfLife { get; init; } = TimeSpan.FromDays(2);
    public TimeSpan HourHalfLife { get; init; } = TimeSpan.FromDays(7);

    /// <summary>An hour-of-day share is trusted after this much history, and shrunk towards the overall share by this many opinions.</summary>
    public TimeSpan HourProfileAfter { get; init; } = TimeSpan.FromDays(2);
    public double HourPrior { get; init; } = 60;

    /// <summary>Cold start: nothing is judged before this much history and this many opinions.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromHours(3);
    public double WarmUpOpinions { get; init; } = 200;

    /// <summary>
    /// Minimum evidence in the window, whatever the probability: this many opinions, this many negative
    /// ones above expected, and a negative share this far above normal (a net-sentiment drop of twice it).
    /// </summary>
    public long MinOpinions { get; init; } = 20;
    public double MinExcess { get; init; } = 6;
    public double MinShareRise { get; init; } = 0.1;

    /// <summary>Over-dispersion of the window's share (beta-binomial intra-class correlation), learned between these bounds.</summary>
    public double InitialDispersion { get; init; } = 0.02;
    public double MinDispersion { get; init; } = 0.002;
    public double MaxDispersion { get; init; } = 0.05;
    public TimeSpan DispersionHalfLife { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Surprise (−log10 p) at which the score is 0.5: score = 1 − 2^(−surprise / this).</summary>
    public double HalfScoreAt { get; init; } = 4.5;

    /// <summary>While the window scores at least this, the baseline learns at <see cref="AnomalousDamping"/> of its pace: a turned tone must not become the norm.</summary>
    public double DampFromScore { get; init; } = 0.3;
    public double AnomalousDamping { get; init; } = 0.05;

    /// <summary>The audience's time zone, for the hour-of-day profile.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
