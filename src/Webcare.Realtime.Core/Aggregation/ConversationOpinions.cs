using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Aggregation;

/// <summary>
/// Opinions by minute, counted once per conversation: within any span of <c>window</c>, a conversation
/// contributes only its first positive or negative mention. A complaint with ten agreeing replies and five
/// retweets is one opinion, not sixteen, so one busy thread cannot swing a tone window on its own: what the
/// tone detector tests is how many conversations turned, which is what a binomial test can count.
/// Neutral mentions neither count nor use up their conversation's turn. Memory is bounded: at most
/// <c>capacity</c> conversations are remembered, and those last counted before the window are forgotten first.
/// </summary>
public sealed class ConversationOpinions(TimeSpan window, int capacity = 20_000)
{
    private readonly BucketRing _minutes = new(TimeSpan.FromMinutes(1), 60);
    private readonly Dictionary<ulong, long> _countedAt = [];

    /// <summary>False when the mention carries no opinion or its conversation already gave one within the window.</summary>
    public bool Record(ulong conversation, DateTimeOffset at, SentimentLabel label)
    {
        if (label == SentimentLabel.Neutral) return false;
        var ticks = at.UtcTicks;
        if (_countedAt.TryGetValue(conversation, out var counted) && Math.Abs(ticks - counted) < window.Ticks) return false;
        if (!_minutes.TryAdd(at, label)) return false; // older than the hour held: no window will judge it
        if (_countedAt.ContainsKey(conversation) || Remember())
            _countedAt[conversation] = Math.Max(ticks, counted);
        return true;

        bool Remember()
        {
            if (_countedAt.Count < capacity) return true;
            // Everything counted before the window can count again anyway.
            var before = ticks - window.Ticks;
            foreach (var (key, at) in _countedAt)
                if (at <= before) _countedAt.Remove(key);
            // Still full (more conversations in one window than remembered): this one counts every time.
            return _countedAt.Count < capacity;
        }
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
    }
}
