using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Streaming detector for a turn in tone on one series: the share of negative among the opinionated
/// mentions (positive or negative) of the last <see cref="SentimentShiftOptions.WindowMinutes"/> minutes,
/// against a robust baseline share. Volume plays no part: a topic can turn sour at its normal volume.
/// - The baseline is an exponentially weighted share per hour of day (the tone of a night differs from a
///   morning's), shrunk towards the overall share until the hour has history.
/// - The test is the beta-binomial upper tail of the window's negative count: proportions of small counts,
///   with an over-dispersion learned from the series, so a share that always wobbles has to move further.
/// - Minimum evidence (opinions, excess negatives, share rise) so "3 of 4 negative" never alerts.
/// - While the window is abnormal the baseline learns at a twentieth of its pace, so a tone that turned is
///   not learned as the new normal during the incident.
/// Only rises of the negative share are scored. No lookahead; fixed memory.
/// </summary>
public sealed class SentimentShiftDetector
{
    private const int Hours = 24;

    private readonly SentimentShiftOptions _options;
    private readonly long _bucketTicks = TimeSpan.FromMinutes(1).Ticks;
    private readonly double[] _windowNegative;
    private readonly double[] _windowOpinions;
    private readonly bool[] _windowAbnormal; // the minute was in a window that scored as abnormal
    private readonly long[] _windowMinute;
    private long _lastMinute = long.MinValue;
    private long _firstTicks;
    private double _negative;    // decayed counts over the whole series
    private double _opinions;
    private long _countsTicks;
    private readonly double[] _hourNegative = new double[Hours];
    private readonly double[] _hourOpinions = new double[Hours];
    private readonly long[] _hourTicks = new long[Hours];
    private readonly long[] _hourFirstTicks = new long[Hours];
    private double _residual = 1; // mean standardised squared residual of window shares
    private double _windowSize;   // mean opinions per window, for the dispersion
    private double _dispersion;
    private long _dispersionSamples;

    public SentimentShiftDetector(SentimentShiftOptions? options = null)
    {
        _options = options ?? SentimentShiftOptions.Default;
        _windowNegative = new double[Math.Max(1, _options.WindowMinutes)];
        _windowOpinions = new double[_windowNegative.Length];
        _windowAbnormal = new bool[_windowNegative.Length];
        _windowMinute = new long[_windowNegative.Length];
        _dispersion = _options.InitialDispersion;
    }

    /// <summary>The window and everything learned (baseline shares per hour, dispersion), for persisting.</summary>
    public sealed record State(
        ImmutableArray<double> WindowNegative, ImmutableArray<double> WindowOpinions, ImmutableArray<bool> WindowAbnormal, ImmutableArray<long> WindowMinute,
        long LastMinute, long FirstTicks, double Negative, double Opinions, long CountsTicks,
        ImmutableArray<double> HourNegative, ImmutableArray<double> HourOpinions, ImmutableArray<long> HourTicks, ImmutableArray<long> HourFirstTicks,
        double Residual, double WindowSize, double Dispersion, long DispersionSamples);

    public State Snapshot() => new(
        [.. _windowNegative], [.. _windowOpinions], [.. _windowAbnormal], [.. _windowMinute],
        _lastMinute, _firstTicks, _negative, _opinions, _countsTicks,
        [.. _hourNegative], [.. _hourOpinions], [.. _hourTicks], [.. _hourFirstTicks],
        _residual, _windowSize, _dispersion, _dispersionSamples);

    /// <summary>A detector with these options that continues exactly where the snapshot was taken.</summary>
    public static SentimentShiftDetector Restore(State state, SentimentShiftOptions? options = null)
    {
        var d = new SentimentShiftDetector(options);
        if (state.WindowNegative.Length != d._windowNegative.Length)
            throw new ArgumentException($"a window of {state.WindowNegative.Length} minutes cannot restore one of {d._windowNegative.Length}", nameof(state));
        state.WindowNegative.CopyTo(d._windowNegative);
        state.WindowOpinions.CopyTo(d._windowOpinions);
        state.WindowAbnormal.CopyTo(d._windowAbnormal);
        state.WindowMinute.CopyTo(d._windowMinute);
        state.HourNegative.CopyTo(d._hourNegative);
        state.HourOpinions.CopyTo(d._hourOpinions);
        state.HourTicks.CopyTo(d._hourTicks);
        state.HourFirstTicks.CopyTo(d._hourFirstTicks);
        (d._lastMinute, d._firstTicks, d._negative, d._opinions, d._countsTicks) = (state.LastMinute, state.FirstTicks, state.Negative, state.Opinions, state.CountsTicks);
        (d._residual, d._windowSize, d._dispersion, d._dispersionSamples) = (state.Residual, state.WindowSize, state.Dispersion, state.DispersionSamples);
        return d;
    }

    /// <summary>The learned over-dispersion of window shares (beta-binomial intra-class correlation).</summary>
    public double Dispersion => _dispersion;

    /// <summary>The next minute of the series (negative and opinionated counts); minutes must come in increasing order.</summary>
    public SentimentShift Observe(DateTimeOffset minuteStart, long negative, long opinions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(negative);
        if (opinions < negative) throw new ArgumentOutOfRangeException(nameof(opinions), "opinions include the negative ones");
        var ticks = minuteStart.UtcTicks;
        var minute = ticks / _bucketTicks;
        if (minute <= _lastMinute) throw new ArgumentException($"minute {minuteStart:O} is not after the previous minute", nameof(minuteStart));
        if (_lastMinute == long.MinValue) _firstTicks = ticks;
        var steps = _lastMinute == long.MinValue ? _windowNegative.Length : Math.Min(minute - _lastMinute, _windowNegative.Length);
        for (long i = 1; i <= steps; i++)
        {
            // A minute leaving the window is learned only now: the baseline never learns from what it is judging.
            var slot = Slot(minute - steps + i);
            if (_lastMinute != long.MinValue && _windowOpinions[slot] > 0) Learn(slot);
            _windowNegative[slot] = 0;
            _windowOpinions[slot] = 0;
            _windowAbnormal[slot] = false;
        }
        _lastMinute = minute;
        var current = Slot(minute);
        _windowNegative[current] = negative;
        _windowOpinions[current] = opinions;
        _windowMinute[current] = minute;

        var k = (long)_windowNegative.Sum();
        var n = (long)_windowOpinions.Sum();
        var hour = HourOf(minuteStart);
        var (expected, seasonal) = ExpectedShare(hour, ticks);
        var warmingUp = ticks - _firstTicks < _options.WarmUp.Ticks || Decayed(_opinions, _countsTicks, ticks, _options.BaselineHalfLife) < _options.WarmUpOpinions;
        var enough = n >= _options.MinOpinions && k - n * expected >= _options.MinExcess && (double)k / Math.Max(n, 1) - expected >= _options.MinShareRise;
        var surprise = warmingUp || !enough
            ? 0.0
            : -Math.Log10(Math.Max(TailOf(k, n, expected), 1e-300));
        var score = 1.0 - Math.Pow(2.0, -surprise / _options.HalfScoreAt);

        if (score >= _options.DampFromScore) Array.Fill(_windowAbnormal, true);
        // Dispersion is learned from unremarkable windows only (p > 1 %): a turn that is building up must not
        // teach the model that shares always swing this much.
        else if (!warmingUp && n >= _options.MinOpinions && TailOf(k, n, expected) > 0.01) LearnDispersion(k, n, expected);
        return new SentimentShift(minuteStart, k, n, expected, score, surprise, warmingUp, seasonal);
    }

    private double TailOf(long k, long n, double expected) => CountTail.BetaBinomialUpper(k, n, expected, _dispersion);

    private (double Share, bool Seasonal) ExpectedShare(int hour, long ticks)
    {
        // A little prior keeps an empty series at an even share instead of 0/0.
        var overall = (Decayed(_negative, _countsTicks, ticks, _options.BaselineHalfLife) + 1)
            / (Decayed(_opinions, _countsTicks, ticks, _options.BaselineHalfLife) + 2);
        if (_hourOpinions[hour] <= 0 || ticks - _hourFirstTicks[hour] < _options.HourProfileAfter.Ticks) return (overall, false);
        var hourNegative = Decayed(_hourNegative[hour], _hourTicks[hour], ticks, _options.HourHalfLife);
        var hourOpinions = Decayed(_hourOpinions[hour], _hourTicks[hour], ticks, _options.HourHalfLife);
        return ((hourNegative + _options.HourPrior * overall) / (hourOpinions + _options.HourPrior), true);
    }

    private void Learn(int slot)
    {
        var negative = _windowNegative[slot];
        var opinions = _windowOpinions[slot];
        var start = new DateTimeOffset(_windowMinute[slot] * _bucketTicks, TimeSpan.Zero);
        var ticks = start.UtcTicks;
        var hour = HourOf(start);
        var weight = _windowAbnormal[slot] ? _options.AnomalousDamping : 1.0;
        _negative = Decayed(_negative, _countsTicks, ticks, _options.BaselineHalfLife) + weight * negative;
        _opinions = Decayed(_opinions, _countsTicks, ticks, _options.BaselineHalfLife) + weight * opinions;
        _countsTicks = ticks;
        if (_hourOpinions[hour] <= 0 && opinions > 0) _hourFirstTicks[hour] = ticks;
        _hourNegative[hour] = Decayed(_hourNegative[hour], _hourTicks[hour], ticks, _options.HourHalfLife) + weight * negative;
        _hourOpinions[hour] = Decayed(_hourOpinions[hour], _hourTicks[hour], ticks, _options.HourHalfLife) + weight * opinions;
        _hourTicks[hour] = ticks;
    }

    private void LearnDispersion(long k, long n, double expected)
    {        // Method of moments for the beta-binomial: E[(k − np)² / np(1 − p)] = 1 + (n − 1)·rho.
        var variance = n * expected * (1 - expected);
        var residual = Math.Min((k - n * expected) * (k - n * expected) / Math.Max(variance, 1e-9), 50);
        // A plain mean over the first samples, then an exponential average.
        var w = Math.Max(1.0 / ++_dispersionSamples, 1.0 - Math.Pow(2.0, -(double)_bucketTicks / _options.DispersionHalfLife.Ticks));
        _residual += w * (residual - _residual);
        _windowSize += w * (n - _windowSize);
        if (_windowSize > 2)
            _dispersion = Math.Clamp((_residual - 1) / (_windowSize - 1), _options.MinDispersion, _options.MaxDispersion);
    }

    private int HourOf(DateTimeOffset start) => start.ToOffset(_options.TimeZone.GetUtcOffset(start)).Hour;

    private int Slot(long minute) => (int)(((minute % _windowNegative.Length) + _windowNegative.Length) % _windowNegative.Length);

    private static double Decayed(double value, long sinceTicks, long nowTicks, TimeSpan halfLife) =>
        value == 0 || nowTicks <= sinceTicks ? value : value * Math.Pow(2.0, -(double)(nowTicks - sinceTicks) / halfLife.Ticks);
}
