namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// The verdict on a sentiment window: of <see cref="Opinions"/> opinionated mentions in the window,
/// <see cref="Negative"/> were negative where the baseline share <see cref="ExpectedShare"/> was expected.
/// </summary>
/// <param name="Start">The start of the newest minute in the window.</param>
/// <param name="Score">0 = normal, towards 1 = an ever less probable negative share; 0 while warming up or below the minimum evidence.</param>
/// <param name="Surprise">−log10 of the beta-binomial upper tail; 0 below the minimum evidence.</param>
public readonly record struct SentimentShift(
    DateTimeOffset Start,
    long Negative,
    long Opinions,
    double ExpectedShare,
    double Score,
    double Surprise,
    bool WarmingUp,
    bool Seasonal)
{
    public double Share => Opinions == 0 ? 0 : (double)Negative / Opinions;

    /// <summary>Net sentiment, (pos − neg)/(pos + neg), of the window and of the baseline.</summary>
    public double? NetSentiment => Opinions == 0 ? null : 1 - 2 * Share;
    public double ExpectedNetSentiment => 1 - 2 * ExpectedShare;

    /// <summary>The same verdict as a count anomaly (negative opinions against the expected number), for <see cref="AlertTracker"/>.</summary>
    public CountAnomaly AsCount() =>
        new(Start, Negative, Opinions * ExpectedShare, Score, Math.Pow(10, -Surprise), Surprise, WarmingUp, Seasonal);
}
