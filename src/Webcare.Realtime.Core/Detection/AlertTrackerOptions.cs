namespace Webcare.Realtime.Core.Detection;

/// <summary>Thresholds and timings that turn per-bucket scores into incidents.</summary>
public sealed record AlertTrackerOptions
{
    public static AlertTrackerOptions Default { get; } = new();

    /// <summary>A closed tracker opens an incident at this score.</summary>
    public double RaiseScore { get; init; } = 0.5;

    /// <summary>
    /// An open incident counts a bucket as still abnormal down to this lower score (hysteresis), so a
    /// level hovering around the raise threshold does not flap.
    /// </summary>
    public double KeepScore { get; init; } = 0.3;

    /// <summary>The incident resolves only after this long without an abnormal bucket (cool-down).</summary>
    public TimeSpan CoolDown { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A severity rise of at least this much is published as an update.</summary>
    public int UpdateOnSeverityRise { get; init; } = 1;
}
