namespace Webcare.Realtime.Core.Tests.Detection;

/// <summary>
/// Seeded, fully specified count series for the detector tests: Poisson noise around a mean that may
/// follow a daily and weekly rhythm. Same seed, same series, on every platform.
/// </summary>
internal sealed class SyntheticCounts(ulong seed)
{
    /// <summary>A Monday at midnight UTC, so hours of day and week are easy to read in tests.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);
    public const int PerHour = 12;
    public const int PerDay = 24 * PerHour;

    private ulong _state = seed;

    public static DateTimeOffset At(int bucket) => Start + Bucket * bucket;

    /// <summary>Uniform in (0, 1) from SplitMix64.</summary>
    public double NextUniform()
    {
        _state += 0x9E3779B97F4A7C15;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        z ^= z >> 31;
        return ((z >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>Poisson by inversion; exact and fast enough for the means used here (up to a few hundred).</summary>
    public long Poisson(double mean)
    {
        var u = NextUniform();
        var p = Math.Exp(-mean);
        var cumulative = p;
        long k = 0;
        while (u > cumulative && k < 100_000)
        {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /// <summary>
    /// The mean of a webcare-like day: quiet at night, a peak in the afternoon, weekends at 60 %.
    /// </summary>
    public static double Rhythm(int bucket, double peak) => RhythmAt(At(bucket), peak);

    /// <summary>The same rhythm by the wall-clock hour of <paramref name="at"/> (its own offset).</summary>
    public static double RhythmAt(DateTimeOffset at, double peak)
    {
        var hour = at.Hour + at.Minute / 60.0;
        var daily = 0.15 + 0.85 * Math.Pow(Math.Sin(Math.PI * Math.Clamp((hour - 6) / 17.0, 0, 1)), 2);
        var weekly = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0;
        return peak * daily * weekly;
    }

    public long[] Flat(int buckets, double mean)
    {
        var counts = new long[buckets];
        for (var i = 0; i < buckets; i++) counts[i] = Poisson(mean);
        return counts;
    }

    public long[] Seasonal(int buckets, double peak)
    {
        var counts = new long[buckets];
        for (var i = 0; i < buckets; i++) counts[i] = Poisson(Rhythm(i, peak));
        return counts;
    }
}
