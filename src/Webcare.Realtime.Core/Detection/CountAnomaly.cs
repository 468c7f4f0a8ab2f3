namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// The detector's verdict on one bucket, with the numbers that explain it: what was observed, what was
/// expected at this hour, and how improbable the observation is under the count model.
/// </summary>
/// <param name="Score">
/// 0 = normal, towards 1 = more extreme than this series usually gets (0.5 at <c>HalfScoreAt</c>
/// spreads); 0 while warming up.
/// </param>
/// <param name="TailProbability">P(count ≥ observed | expected), before the minimum-count rule.</param>
/// <param name="Surprise">−log10 of the tail probability; 0 below the minimum counts.</param>
/// <param name="Seasonal">Whether the expectation used an hour-of-day or hour-of-week profile yet.</param>
public readonly record struct CountAnomaly(
    DateTimeOffset Start,
    long Observed,
    double Expected,
    double Score,
    double TailProbability,
    double Surprise,
    bool WarmingUp,
    bool Seasonal)
{
    public double Ratio => Observed / Math.Max(Expected, 0.5);
    public double Excess => Observed - Expected;
}
