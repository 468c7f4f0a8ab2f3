namespace Webcare.Realtime.Core.Dedup;

/// <summary>
/// Remembers the most recent <c>capacity</c> mention identities (as 64-bit hashes) and forgets the oldest
/// first. This is the in-memory duplicate filter; durable mode also lets the database refuse a
/// duplicate, so what this set has forgotten is still caught there.
/// </summary>
public sealed class RecentKeySet(int capacity)
{
    // Grown on demand: many small sets (one per conversation) must not each reserve the capacity.
    private readonly HashSet<ulong> _keys = [];
    private readonly Queue<ulong> _order = new();
    // How often a key stands in the order queue: a released and re-added key stands there twice, and only
    // the dequeue of its last entry may forget it.
    private readonly Dictionary<ulong, int> _queued = [];

    public int Count => _keys.Count;

    /// <summary>The remembered keys, oldest first: adding them in this order to a new set rebuilds this one.</summary>
    public IEnumerable<ulong> OldestFirst => _order.Where(_keys.Contains).Distinct();

    /// <summary>True when the key is new (and now remembered); false for a duplicate.</summary>
    public bool TryAdd(ulong key)
    {
        if (!_keys.Add(key)) return false;
        _order.Enqueue(key);
        _queued[key] = _queued.GetValueOrDefault(key) + 1;
        while (_order.Count > capacity) Forget(_order.Dequeue());
        return true;
    }

    /// <summary>
    /// Un-claims a key whose mention could not be processed after all, so that the client's retry is
    /// accepted instead of being counted as a duplicate.
    /// </summary>
    public void Release(ulong key) => _keys.Remove(key);

    private void Forget(ulong key)
    {
        var left = _queued[key] - 1;
        if (left > 0)
        {
            _queued[key] = left;
            return;
        }
        _queued.Remove(key);
        _keys.Remove(key);
    }
}
