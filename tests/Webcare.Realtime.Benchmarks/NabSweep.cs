namespace Webcare.Realtime.Benchmarks;

/// <summary>NAB's cost matrix for one application profile.</summary>
internal sealed record NabProfile(string Name, double TpWeight, double FpWeight, double FnWeight);

/// <summary>
/// One scorable row of a result file, as NAB's sweeper sees it: its anomaly score, the window it lies in
/// (or -1), and its unweighted sigmoid value (a true-positive value inside a window, a false-positive
/// value outside).
/// </summary>
internal readonly record struct NabPoint(double AnomalyScore, int Window, double Sigmoid);

internal sealed record NabThresholdScore(double Threshold, double Score, int DetectedWindows, int FalsePositiveRows);

/// <summary>
/// NAB's scoring rules (numenta/NAB, nab/sweeper.py, re-implemented from its description):
/// - the first min(floor(0.15·n), 750) rows are probationary and not scored;
/// - inside a window a detection is worth scaledSigmoid(−(right − i + 1)/width)·tp/scaledSigmoid(−1), so a
///   detection at the window's first row earns exactly tpWeight; only the best (the earliest) counts;
/// - a window without a detection costs fnWeight;
/// - a detection outside windows costs fpWeight·scaledSigmoid(distance past the previous window's right
///   edge / (its width − 1)), or the full fpWeight before the first window.
/// </summary>
internal static class NabSweep
{
    public static double ScaledSigmoid(double relativePosition) =>
        relativePosition >= 3.0 ? -1.0 : 2.0 / (1.0 + Math.Exp(5.0 * relativePosition)) - 1.0;

    public static int ProbationaryLength(int rows) => (int)Math.Min(Math.Floor(0.15 * rows), 0.15 * 5000);

    /// <summary>
    /// The scorable points of one series. <paramref name="windows"/> are row-index ranges (inclusive),
    /// in time order; <paramref name="windowOffset"/> makes window numbers unique across series.
    /// </summary>
    public static List<NabPoint> Points(double[] scores, (int Left, int Right)[] windows, int windowOffset)
    {
        var points = new List<NabPoint>(scores.Length);
        var probation = ProbationaryLength(scores.Length);
        var next = 0;
        int? current = null;
        int? previousRight = null;
        var previousWidth = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (current is null && next < windows.Length && windows[next].Left == i) current = next++;
            double sigmoid;
            if (current is { } w)
            {
                var width = windows[w].Right - windows[w].Left + 1.0;
                sigmoid = ScaledSigmoid(-(windows[w].Right - i + 1) / width);
            }
            else
            {
                // NAB divides by (width − 1); a one-row window would divide by zero there too.
                var past = previousRight is { } right ? Math.Abs(right - i) / Math.Max(previousWidth - 1, 1) : 3.0;
                sigmoid = ScaledSigmoid(past);
            }
            if (i >= probation) points.Add(new NabPoint(scores[i], current is { } c ? windowOffset + c : -1, sigmoid));
            if (current is { } open && windows[open].Right == i)
            {
                previousRight = i;
                previousWidth = windows[open].Right - windows[open].Left + 1.0;
                current = null;
            }
        }
        return points;
    }

    /// <summary>
    /// The total score at every distinct threshold, highest threshold first, starting at 1.1 where
    /// nothing is detected. A row is a detection when its score is at least the threshold.
    /// </summary>
    public static List<NabThresholdScore> ByThreshold(IReadOnlyList<NabPoint> points, int windowCount, NabProfile profile)
    {
        var maxTp = ScaledSigmoid(-1.0);
        var sorted = points.OrderByDescending(p => p.AnomalyScore).ToArray();
        var best = new double[windowCount];
        var scoredWindows = new HashSet<int>();
        foreach (var p in sorted) if (p.Window >= 0) scoredWindows.Add(p.Window);
        Array.Fill(best, -profile.FnWeight);
        var windowTotal = -profile.FnWeight * scoredWindows.Count;
        var fpTotal = 0.0;
        var detected = 0;
        var fpRows = 0;
        var threshold = 1.1;
        var results = new List<NabThresholdScore>();
        foreach (var p in sorted)
        {
            if (p.AnomalyScore != threshold)
            {
                results.Add(new NabThresholdScore(threshold, windowTotal + fpTotal, detected, fpRows));
                threshold = p.AnomalyScore;
            }
            if (p.Window < 0)
            {
                fpTotal += p.Sigmoid * profile.FpWeight;
                fpRows++;
            }
            else
            {
                var value = p.Sigmoid * profile.TpWeight / maxTp;
                if (best[p.Window] == -profile.FnWeight) detected++;
                if (value > best[p.Window])
                {
                    windowTotal += value - best[p.Window];
                    best[p.Window] = value;
                }
            }
        }
        results.Add(new NabThresholdScore(threshold, windowTotal + fpTotal, detected, fpRows));
        return results;
    }

    /// <summary>The first (highest) threshold with the best score, as NAB's optimiser picks it.</summary>
    public static NabThresholdScore Best(List<NabThresholdScore> byThreshold)
    {
        var best = byThreshold[0];
        foreach (var s in byThreshold) if (s.Score > best.Score) best = s;
        return best;
    }

    public static double Normalise(double raw, int windowCount, NabProfile profile)
    {
        var nullScore = -profile.FnWeight * windowCount;
        var perfect = profile.TpWeight * windowCount;
        return 100.0 * (raw - nullScore) / (perfect - nullScore);
    }
}
