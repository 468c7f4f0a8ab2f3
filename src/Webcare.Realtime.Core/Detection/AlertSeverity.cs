namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Severity 1–10: half from how improbable the bucket is (the score), half from how large the deviation
/// is in mentions and as a multiple of normal, because a webcare team cares about both "very unusual"
/// and "very many".
/// </summary>
public static class AlertSeverity
{
    public static int Of(double score, long observed, double expected)
    {
        var improbability = 5.0 * Math.Clamp(score, 0, 1);
        var excess = Math.Max(observed - expected, 0);
        var volume = Math.Clamp(Math.Log10(excess + 1), 0, 3);            // 10 extra → 1, 1000 extra → 3
        var multiple = Math.Clamp(Math.Log2(observed / Math.Max(expected, 1)), 0, 2); // ×2 → 1, ×4 → 2
        return Math.Clamp((int)Math.Round(improbability + volume + multiple), 1, 10);
    }
}
