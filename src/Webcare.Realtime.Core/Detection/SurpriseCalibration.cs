using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Puts a bucket's surprise (−log10 of its tail probability) in the context of the series' own history,
/// the way HTM's "anomaly likelihood" does: a short moving average of surprise, as a z-score against a
/// long exponential mean and spread of that average. A bursty series, whose spikes the count model keeps
/// finding improbable, has to burst further than a calm one before it scores high. Fixed memory.
/// </summary>
public sealed class SurpriseCalibration
{
    private readonly double[] _recent;
    private readonly long _halfLifeTicks;
    private readonly double _minSpread;
    private double _recentSum;
    private long _count;
    private double _mean;
    private double _variance;

    public SurpriseCalibration(int window, TimeSpan halfLife, double minSpread)
    {
        _recent = new double[Math.Max(1, window)];
        _halfLifeTicks = Math.Max(halfLife.Ticks, 1);
        _minSpread = minSpread;
        _variance = minSpread * minSpread;
    }

    public sealed record State(ImmutableArray<double> Recent, double RecentSum, long Count, double Mean, double Variance);

    public State Snapshot() => new([.. _recent], _recentSum, _count, _mean, _variance);

    public void Restore(State state)
    {
        if (state.Recent.Length != _recent.Length) throw new ArgumentException($"a window of {state.Recent.Length} cannot restore one of {_recent.Length}", nameof(state));
        state.Recent.CopyTo(_recent);
        (_recentSum, _count, _mean, _variance) = (state.RecentSum, state.Count, state.Mean, state.Variance);
    }

    /// <summary>The z-score <see cref="Observe"/> would return for this surprise, without remembering it.</summary>
    public double Peek(double surprise)
    {
        var slot = (int)(_count % _recent.Length);
        var average = Math.Max(_recentSum + surprise - _recent[slot], 0) / _recent.Length;
        return Math.Max(0, (average - _mean) / Math.Max(Math.Sqrt(_variance), _minSpread));
    }

    /// <summary>How many spreads the recent surprise is above its long-run mean (0 or more).</summary>
    public double Observe(double surprise, long elapsedTicks)
    {
        var z = Peek(surprise);
        var slot = (int)(_count++ % _recent.Length);
        _recentSum += surprise - _recent[slot];
        _recent[slot] = surprise;
        var average = Math.Max(_recentSum, 0) / _recent.Length;

        var weight = 1.0 - Math.Pow(2.0, -(double)elapsedTicks / _halfLifeTicks);
        var delta = average - _mean;
        _mean += weight * delta;
        _variance = (1 - weight) * (_variance + weight * delta * delta);
        return z;
    }
}
