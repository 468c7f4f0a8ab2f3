namespace Webcare.Realtime.Core.Aggregation;

/// <summary>
/// A fixed number of consecutive time buckets ending at the newest one seen: adding to a later bucket
/// slides the window forward and clears what fell out; adding to a bucket that already fell out is
/// refused. Memory is fixed at construction.
/// </summary>
public sealed class BucketRing
{
    private readonly BucketCounts[] _slots;
    private readonly long _bucketTicks;
    private long _head = long.MinValue; // index (time / width) of the newest bucket

    public BucketRing(TimeSpan width, int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count));
        _bucketTicks = width.Ticks;
        _slots = new BucketCounts[count];
    }

    public int Count => _slots.Length;
    public TimeSpan Width => TimeSpan.FromTicks(_bucketTicks);

    /// <summary>Start of the newest bucket, or null before anything was added or advanced.</summary>
    public DateTimeOffset? NewestStart =>
        _head == long.MinValue ? null : new DateTimeOffset(_head * _bucketTicks, TimeSpan.Zero);

    public bool TryAdd(DateTimeOffset at, Analysis.SentimentLabel label) => TryAdd(at, default(BucketCounts).Add(label));

    /// <summary>Adds counts at once (a bucket read back from the mention log).</summary>
    public bool TryAdd(DateTimeOffset at, BucketCounts counts)
    {
        var index = at.UtcTicks / _bucketTicks;
        AdvanceToIndex(index);
        if (index <= _head - _slots.Length) return false;
        ref var slot = ref _slots[Slot(index)];
        slot += counts;
        return true;
    }

    /// <summary>Back to empty, as constructed.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        _head = long.MinValue;
    }

    /// <summary>Slides the window so that its newest bucket holds <paramref name="now"/>.</summary>
    public void AdvanceTo(DateTimeOffset now) => AdvanceToIndex(now.UtcTicks / _bucketTicks);

    private void AdvanceToIndex(long index)
    {
        if (_head == long.MinValue)
        {
            _head = index;
            return;
        }
        if (index <= _head) return;
        var steps = Math.Min(index - _head, _slots.Length);
        for (long i = 1; i <= steps; i++) _slots[Slot(_head + i)] = default;
        _head = index;
    }

    /// <summary>The buckets oldest first, ending with the newest.</summary>
    public BucketCounts[] ToArray()
    {
        var result = new BucketCounts[_slots.Length];
        if (_head == long.MinValue) return result;
        for (var i = 0; i < _slots.Length; i++) result[i] = _slots[Slot(_head - _slots.Length + 1 + i)];
        return result;
    }

    public BucketCounts Sum()
    {
        var total = default(BucketCounts);
        foreach (var slot in _slots) total += slot;
        return total;
    }

    public BucketCounts SumNewest(int buckets)
    {
        var total = default(BucketCounts);
        if (_head == long.MinValue) return total;
        for (var i = 0; i < Math.Min(buckets, _slots.Length); i++) total += _slots[Slot(_head - i)];
        return total;
    }

    private int Slot(long index) => (int)(((index % _slots.Length) + _slots.Length) % _slots.Length);
}
