namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Streaming anomaly detector for one count series (mentions, or negative mentions, per bucket).
/// Expected count = deseasonalised level × hour-of-week factor (hour-of-day until two weeks of history,
/// 1 until two days). The surprise of a bucket is the negative-binomial upper tail of its count given the
/// expectation, so "1 vs 3" is unremarkable and "300 vs 100" is not; the score then weighs that surprise
/// against how surprising this series usually is (<see cref="SurpriseCalibration"/>). What the model
/// learns from a bucket is clipped at a few standard deviations and damped while the series is
/// anomalous, so a spike or a plateau does not raise its own baseline. Only rises are scored: a webcare
/// team is alerted to more mentions, not fewer. No lookahead; fixed memory (slot arrays and a short ring).
/// </summary>
public sealed class CountAnomalyDetector
{
    private const double MinExpected = 0.05;
    private const double MinTail = 1e-300;

    private readonly CountAnomalyDetectorOptions _options;
    private readonly SeasonalProfile _day;
    private readonly SeasonalProfile _week;
    private readonly SurpriseCalibration _calibration;
    private long _lastTicks = long.MinValue;
    private long _buckets;
    private double _level;
    private double _dispersion;

    public CountAnomalyDetector(CountAnomalyDetectorOptions? options = null)
    {
        _options = options ?? CountAnomalyDetectorOptions.Default;
        _day = new SeasonalProfile(24, _options.BucketsPerHour * _options.DayProfileDays, _options.DayProfileAfter);
        _week = new SeasonalProfile(24 * 7, _options.BucketsPerHour * _options.WeekProfileWeeks, _options.WeekProfileAfter);
        _dispersion = _options.InitialDispersion;
        _calibration = new SurpriseCalibration(_options.SurpriseWindow, _options.SurpriseHalfLife, _options.MinSurpriseSpread);
    }

    public long Buckets => _buckets;

    /// <summary>Everything the detector has learned (level, dispersion, daily and weekly rhythm, calibration), for persisting.</summary>
    public sealed record State(long LastTicks, long Buckets, double Level, double Dispersion,
        SeasonalProfile.State Day, SeasonalProfile.State Week, SurpriseCalibration.State Calibration);

    public State Snapshot() => new(_lastTicks, _buckets, _level, _dispersion, _day.Snapshot(), _week.Snapshot(), _calibration.Snapshot());

    /// <summary>A detector with these options that continues exactly where the snapshot was taken.</summary>
    public static CountAnomalyDetector Restore(State state, CountAnomalyDetectorOptions? options = null)
    {
        var detector = new CountAnomalyDetector(options);
        (detector._lastTicks, detector._buckets, detector._level, detector._dispersion) = (state.LastTicks, state.Buckets, state.Level, state.Dispersion);
        detector._day.Restore(state.Day);
        detector._week.Restore(state.Week);
        detector._calibration.Restore(state.Calibration);
        return detector;
    }

    /// <summary>The next bucket of the series; buckets must come in strictly increasing time order.</summary>
    public CountAnomaly Observe(DateTimeOffset start, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ticks = start.UtcTicks;
        if (ticks <= _lastTicks) throw new ArgumentException($"bucket {start:O} is not after the previous bucket", nameof(start));
        var elapsed = _lastTicks == long.MinValue ? 0 : ticks - _lastTicks;
        _lastTicks = ticks;
        _buckets++;

        if (_buckets == 1)
        {
            _level = count;
            return new CountAnomaly(start, count, count, 0, 1, 0, WarmingUp: true, Seasonal: false);
        }

        var j = Judge(start, count, _buckets);
        var z = _calibration.Observe(j.WarmingUp ? 0 : j.Surprise, elapsed);
        var score = j.WarmingUp ? 0.0 : 1.0 - Math.Pow(2.0, -z / _options.HalfScoreAt);
        Learn(count, j.Expected, j.Factor, j.Surprise, score, elapsed, j.HourOfDay, j.HourOfWeek, ticks, j.WarmingUp, j.Cold);
        return new CountAnomaly(start, count, j.Expected, score, j.Tail, j.Surprise, j.WarmingUp, !j.Cold);
    }

    /// <summary>
    /// What <see cref="Observe"/> would say of this bucket now, without learning from it: for judging a
    /// bucket that is still filling. Counts only grow within a bucket, so a partial count that already
    /// scores high means the full bucket will too, as long as nothing is observed in between.
    /// </summary>
    public CountAnomaly Peek(DateTimeOffset start, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_buckets == 0) return new CountAnomaly(start, count, count, 0, 1, 0, WarmingUp: true, Seasonal: false);
        var j = Judge(start, count, _buckets + 1);
        var score = j.WarmingUp ? 0.0 : 1.0 - Math.Pow(2.0, -_calibration.Peek(j.Surprise) / _options.HalfScoreAt);
        return new CountAnomaly(start, count, j.Expected, score, j.Tail, j.Surprise, j.WarmingUp, !j.Cold);
    }

    private readonly record struct Judgement(
        double Expected, double Factor, double Tail, double Surprise, bool WarmingUp, bool Cold, int HourOfDay, int HourOfWeek);

    /// <summary>The expectation for this bucket and how improbable its count is; reads the model, changes nothing.</summary>
    private Judgement Judge(DateTimeOffset start, long count, long bucketNumber)
    {
        var ticks = start.UtcTicks;
        var local = start.ToOffset(_options.TimeZone.GetUtcOffset(start));
        var hourOfDay = local.Hour;
        var hourOfWeek = (int)local.DayOfWeek * 24 + local.Hour;
        var dayFactor = _day.Factor(hourOfDay, ticks);
        var weekFactor = _week.Factor(hourOfWeek, ticks);
        var factor = weekFactor ?? dayFactor ?? 1.0;
        var expected = Math.Max(_level * factor, MinExpected);
        var tail = CountTail.NegativeBinomialUpper(count, expected, _dispersion);
        var warmingUp = bucketNumber <= _options.WarmUpBuckets;
        var surprise = count < _options.MinCount || count - expected < _options.MinExcess
            ? 0.0
            : -Math.Log10(Math.Max(tail, MinTail));
        return new Judgement(expected, factor, tail, surprise, warmingUp, dayFactor is null && weekFactor is null, hourOfDay, hourOfWeek);
    }

    private void Learn(long count, double expected, double factor, double surprise, double score, long elapsedTicks,
        int hourOfDay, int hourOfWeek, long ticks, bool warmingUp, bool cold)
    {
        var sd = Math.Sqrt(expected + _dispersion * expected * expected);
        var clipped = warmingUp || cold ? count : Math.Min(count, expected + _options.ClipSigmas * sd);
        var anomalous = !cold && (surprise >= _options.DampFromSurprise || score >= _options.DampFromScore);
        var damping = anomalous ? _options.AnomalousDamping : 1.0;
        var levelBefore = _level;

        if (warmingUp) _level += (clipped / factor - _level) / _buckets;
        else _level += Weight(elapsedTicks, cold ? _options.ColdLevelHalfLife : _options.LevelHalfLife) * damping * (clipped / factor - _level);

        if (levelBefore > MinExpected)
        {
            var ratio = clipped / levelBefore;
            _day.Update(hourOfDay, ratio, ticks, damping);
            _week.Update(hourOfWeek, ratio, ticks, damping);
        }

        if (!warmingUp && !anomalous)
        {
            // Method of moments for alpha in var = mu + alpha mu²; each sample is capped so one burst
            // cannot make the model deaf for days.
            var residual = clipped - expected;
            var sample = Math.Clamp((residual * residual - expected) / (expected * expected), 0, _options.MaxDispersion);
            _dispersion += Weight(elapsedTicks, cold ? _options.ColdDispersionHalfLife : _options.DispersionHalfLife) * (sample - _dispersion);
            _dispersion = Math.Clamp(_dispersion, _options.MinDispersion, _options.MaxDispersion);
        }
    }

    /// <summary>Exponential-average weight for a step of this length, so gaps in the stream count as time.</summary>
    private static double Weight(long elapsedTicks, TimeSpan halfLife) =>
        1.0 - Math.Pow(2.0, -(double)elapsedTicks / Math.Max(halfLife.Ticks, 1));
}
