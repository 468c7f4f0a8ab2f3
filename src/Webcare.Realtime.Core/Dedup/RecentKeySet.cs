namespace Webcare.Realtime.Core.Dedup;

/// <summary>
/// Remembers the most recent <c>capacity</c> mention identities (as 64-bit hashes) and forgets the oldest
/// first. This is the in-memory duplicate filter; durable mode also lets the database refuse a
/// duplicate, so what this set has forgotten is still caught there.
/// </summary>
public sealed class RecentKeySet(int capacity)
{
    private readonly HashSet<ulong> _keys = new(Math.Min(capacity, 1 << 16));
    private readonly Queue<ulong> _order = new(Math.Min(capacity, 1 << 16));

    public int Count => _keys.Count;

    /// <summary>True when the key is new (and now remembered); false for a duplicate.</summary>
    public bool TryAdd(ulong key)
    {
        if (!_keys.Add(key)) return false;
        _order.Enqueue(key);
        if (_order.Count > capacity) _keys.Remove(_order.Dequeue());
        return true;
    }
}
