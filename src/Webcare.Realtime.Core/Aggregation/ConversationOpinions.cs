using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Aggregation;

/// <summary>
/// Opinions by minute, counted once per conversation: within any span of <c>window</c>, a conversation
/// contributes only its first positive or negative mention. A complaint with ten agreeing replies and five
/// retweets is one opinion, not sixteen, so one busy thread cannot swing a tone window on its own: what the
/// tone detector tests is how many conversations turned, which is what a binomial test can count.
/// Neutral mentions neither count nor use up their conversation's turn. Memory is bounded: conversations
/// last counted before the window are forgotten once a window's time has passed (so a busy source holds about
/// two windows' worth), and at most <c>capacity</c> are remembered whatever the volume.
/// </summary>
public sealed class ConversationOpinions(TimeSpan window, int capacity = 20_000)
{
    private readonly BucketRing _minutes = new(TimeSpan.FromMinutes(1), 60);
    private readonly Dictionary<ulong, long> _countedAt = [];
    private long _forgotUpTo; // ticks; 0 = never
    // The oldest count remembered (ticks), as of the last scan and every count since: while the window has not
    // passed it, a full set has nothing to forget, and is not scanned again for every new conversation (a busy
    // source at capacity spent a fifth of the ingest's CPU rescanning 20,000 entries per mention).
    private long _oldestCounted = long.MaxValue;

    /// <summary>How many conversations are remembered now.</summary>
    public int Remembered => _countedAt.Count;

    /// <summary>False when the mention carries no opinion or its conversation already gave one within the window.</summary>
    public bool Record(ulong conversation, DateTimeOffset at, SentimentLabel label)
    {
        if (label == SentimentLabel.Neutral) return false;
        var ticks = at.UtcTicks;
        if (ticks - _forgotUpTo >= 2 * window.Ticks) Forget(ticks - window.Ticks);
        var known = _countedAt.TryGetValue(conversation, out var counted);
        if (known && Math.Abs(ticks - counted) < window.Ticks) return false;
        if (!_minutes.TryAdd(at, label)) return false; // older than the hour held: no window will judge it
        if (known || Remember())
        {
            var countedAt = Math.Max(ticks, counted);
            _countedAt[conversation] = countedAt;
            _oldestCounted = Math.Min(_oldestCounted, countedAt);
        }
        return true;

        bool Remember()
        {
            if (_countedAt.Count < capacity) return true;
            if (_oldestCounted > ticks - window.Ticks) return false; // full, and nothing old enough to forget yet
            Forget(ticks - window.Ticks);
            // Still full (more conversations in one window than remembered): this one counts every time.
            return _countedAt.Count < capacity;
        }
    }

    // Everything counted at or before this can count again anyway.
    private void Forget(long upTo)
    {
        var oldest = long.MaxValue;
        foreach (var (key, counted) in _countedAt)
        {
            if (counted <= upTo) _countedAt.Remove(key);
            else if (counted < oldest) oldest = counted;
        }
        _oldestCounted = oldest;
        _forgotUpTo = Math.Max(_forgotUpTo, upTo);
    }

    /// <summary>The last hour by minute, oldest first, ending with the minute that starts at <paramref name="newest"/>.</summary>
    public BucketCounts[] MinuteWindow(DateTimeOffset newest)
    {
        _minutes.AdvanceTo(newest);
        return _minutes.ToArray();
    }

    public void Clear()
    {
        _minutes.Clear();
        _countedAt.Clear();
        _forgotUpTo = 0;
        _oldestCounted = long.MaxValue;
    }
}
