using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Multiplicative factors per slot (hour of day or hour of week): how busy this hour is relative to the
/// deseasonalised level. Fixed size; each slot is a running mean that turns into an exponential average
/// once it has <c>memory</c> samples.
/// </summary>
public sealed class SeasonalProfile
{
    private readonly double[] _factor;
    private readonly int[] _samples;
    private readonly long[] _firstTicks;
    private readonly int _memory;
    private readonly long _trustAfterTicks;

    public SeasonalProfile(int slots, int memory, TimeSpan trustAfter)
    {
        _factor = new double[slots];
        _samples = new int[slots];
        _firstTicks = new long[slots];
        _memory = Math.Max(1, memory);
        _trustAfterTicks = trustAfter.Ticks;
    }

    public int Slots => _factor.Length;

    /// <summary>The learned factors, for persisting; restore with the same slot count.</summary>
    public sealed record State(ImmutableArray<double> Factor, ImmutableArray<int> Samples, ImmutableArray<long> FirstTicks);

    public State Snapshot() => new([.. _factor], [.. _samples], [.. _firstTicks]);

    public void Restore(State state)
    {
        if (state.Factor.Length != _factor.Length || state.Samples.Length != _samples.Length || state.FirstTicks.Length != _firstTicks.Length)
            throw new ArgumentException($"a profile of {state.Factor.Length} slots cannot restore one of {_factor.Length}", nameof(state));
        state.Factor.CopyTo(_factor);
        state.Samples.CopyTo(_samples);
        state.FirstTicks.CopyTo(_firstTicks);
    }

    // A slot that only ever saw zeros would otherwise expect zero forever and divide by zero.
    private const double MinFactor = 0.05;
    private const double MaxFactor = 20;

    /// <summary>The slot's factor, or null until the slot has enough history to be trusted.</summary>
    public double? Factor(int slot, long nowTicks) =>
        _samples[slot] > 0 && nowTicks - _firstTicks[slot] >= _trustAfterTicks
            ? Math.Clamp(_factor[slot], MinFactor, MaxFactor)
            : null;

    public void Update(int slot, double ratio, long nowTicks, double damping)
    {
        ratio = Math.Min(ratio, MaxFactor);
        if (_samples[slot] == 0)
        {
            _firstTicks[slot] = nowTicks;
            _factor[slot] = ratio;
            _samples[slot] = 1;
            return;
        }
        if (_samples[slot] < int.MaxValue) _samples[slot]++;
        var weight = Math.Max(1.0 / _samples[slot], 1.0 / _memory) * damping;
        _factor[slot] += weight * (ratio - _factor[slot]);
    }
}
