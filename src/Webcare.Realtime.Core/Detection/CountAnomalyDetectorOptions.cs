namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Tuning for <see cref="CountAnomalyDetector"/>. Defaults suit 5-minute buckets of mention counts; the
/// sample-based settings scale with <see cref="BucketsPerHour"/>.
/// </summary>
public sealed record CountAnomalyDetectorOptions
{
    public static CountAnomalyDetectorOptions Default { get; } = new();

    public int BucketsPerHour { get; init; } = 12;

    /// <summary>Buckets scored 0 at the start while the level is a plain mean.</summary>
    public int WarmUpBuckets { get; init; } = 12;

    /// <summary>How fast the deseasonalised level follows the data when nothing is anomalous.</summary>
    public TimeSpan LevelHalfLife { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Before any hour-of-day factor is trusted, the level follows the data this fast, unclipped and
    /// undamped, and the dispersion learns at <see cref="ColdDispersionHalfLife"/>: the first daily rise
    /// of a new series is rhythm not yet learned, not an incident.
    /// </summary>
    public TimeSpan ColdLevelHalfLife { get; init; } = TimeSpan.FromHours(6);
    public TimeSpan ColdDispersionHalfLife { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How fast the over-dispersion estimate moves.</summary>
    public TimeSpan DispersionHalfLife { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Days of memory in each hour-of-day factor, and weeks in each hour-of-week factor.</summary>
    public int DayProfileDays { get; init; } = 7;
    public int WeekProfileWeeks { get; init; } = 3;

    /// <summary>History a profile needs before it is trusted; until then the global level stands alone.</summary>
    public TimeSpan DayProfileAfter { get; init; } = TimeSpan.FromDays(2);
    public TimeSpan WeekProfileAfter { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The local time zone of the audience; daily rhythm follows local hours, not UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// Observations above expected + this many standard deviations update the baseline as if they were at
    /// that bound, so a spike cannot drag the baseline up with it.
    /// </summary>
    public double ClipSigmas { get; init; } = 2.5;

    /// <summary>
    /// A bucket counts as anomalous, and baseline updates are damped, from this surprise (−log10 p) on, or
    /// while the score is at least <see cref="DampFromScore"/>: a plateau is moderately surprising bucket
    /// by bucket but clearly abnormal as a whole, and must not teach the baseline (or this hour's
    /// seasonal factor) that it is normal.
    /// </summary>
    public double DampFromSurprise { get; init; } = 6;
    public double DampFromScore { get; init; } = 0.3;

    /// <summary>Multiplier on the update weights while anomalous: the level keeps learning, slowly.</summary>
    public double AnomalousDamping { get; init; } = 0.05;

    /// <summary>Minimum counts: below either, the score is 0 whatever the probability ("1 vs 3").</summary>
    public long MinCount { get; init; } = 5;
    public double MinExcess { get; init; } = 3;

    /// <summary>Buckets in the short average of surprise that the score compares with the series' history.</summary>
    public int SurpriseWindow { get; init; } = 6;

    /// <summary>Memory of the long-run mean and spread of surprise.</summary>
    public TimeSpan SurpriseHalfLife { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The spread of surprise is taken as at least this, so a flat series cannot make noise extreme.</summary>
    public double MinSurpriseSpread { get; init; } = 0.3;

    /// <summary>Spreads above the usual surprise at which the score is 0.5 (score = 1 − 2^(−z / this)).</summary>
    public double HalfScoreAt { get; init; } = 6;

    public double InitialDispersion { get; init; } = 0.25;
    public double MinDispersion { get; init; } = 0.01;
    public double MaxDispersion { get; init; } = 4;
}
