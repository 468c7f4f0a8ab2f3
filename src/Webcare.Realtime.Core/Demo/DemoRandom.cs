using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// SplitMix64: tiny, fast and fully specified, so a seed gives the same stream on every .NET version and
/// platform (System.Random's seeded algorithm is an implementation detail and has changed before).
/// A mutable struct on purpose: each caller owns its stream, nothing is shared.
/// </summary>
internal struct DemoRandom(ulong state)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state = state;

    /// <summary>
    /// A stream for one (seed, a, b, c) coordinate, e.g. (seed, slot, root, purpose). Each coordinate gets
    /// an unrelated stream, which is what makes the feed slice-independent: nothing depends on what was
    /// drawn before.
    /// </summary>
    public static DemoRandom For(long seed, long a, long b = 0, long c = 0)
    {
        var h = Finalize((ulong)seed ^ 0x6A09E667F3BCC908);
        h = Finalize(h ^ (ulong)a * 0xBF58476D1CE4E5B9);
        h = Finalize(h ^ (ulong)b * 0x94D049BB133111EB);
        h = Finalize(h ^ (ulong)c * Gamma);
        return new DemoRandom(h);
    }

    public ulong NextUInt64()
    {
        _state += Gamma;
        return Finalize(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n). The modulo bias is below 2^-40 for the small n used here.</summary>
    public int Next(int n) => n <= 1 ? 0 : (int)(NextUInt64() % (ulong)n);

    /// <summary>Uniform in [min, max], both inclusive.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    // Its own overload so an ImmutableArray is not boxed into an IReadOnlyList on every pick.
    public T Pick<T>(ImmutableArray<T> items) => items[Next(items.Length)];

    /// <summary>Exponentially distributed with the given mean: the gaps of events that arrive independently.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>A Poisson count by inverting the CDF with a single draw, so it costs one draw whatever the mean.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        var u = NextDouble();
        var p = Math.Exp(-mean);
        if (p == 0) return (int)Math.Round(mean); // beyond ~700 the tail no longer matters for a demo
        var cumulative = p;
        var k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
