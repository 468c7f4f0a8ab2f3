using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Aggregation;

/// <summary>What the wall and the API show for one conversation (a thread with its replies and shares).</summary>
public sealed record ConversationSummary(
    string Key,
    string Source,
    string? RootId,
    string? RootAuthor,
    string? RootText,
    int Mentions,
    int Replies,
    long Shares,
    int UniqueAuthors,
    long Reach,
    BucketCounts Sentiment,
    int LastTenMinutes,
    int PreviousTenMinutes,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    DateTimeOffset AsOf)
{
    /// <summary>Mentions per minute over the last ten minutes.</summary>
    public double GrowthPerMinute => Math.Round(LastTenMinutes / 10.0, 2);
}

/// <summary>
/// One conversation's spread: replies, shares, distinct authors and their combined reach, and how fast it
/// grows. The distinct-author set is capped so a viral thread cannot exhaust memory; past the cap new
/// authors still count towards mentions but not towards reach.
/// </summary>
public sealed class ConversationAggregate(string key)
{
    public const int MaxTrackedAuthors = 10_000;

    private readonly BucketRing _minutes = new(TimeSpan.FromMinutes(1), 20);
    // Makes recording idempotent, like ActivityAggregate: a retried batch is not counted twice.
    private readonly RecentKeySet _recorded = new(MaxTrackedAuthors);
    private readonly HashSet<string> _authors = new(StringComparer.OrdinalIgnoreCase);
    private BucketCounts _sentiment;
    private string? _source;
    private EnrichedMention? _root;
    private int _mentions;
    private int _replies;
    private long _shares;
    private long _reach;
    private DateTimeOffset? _firstSeen;
    private DateTimeOffset? _lastSeen;

    public string Key => key;
    public int Mentions => _mentions;

    /// <summary>False when this mention was already recorded.</summary>
    public bool Record(EnrichedMention enriched, DateTimeOffset now)
    {
        var mention = enriched.Mention;
        if (!_recorded.TryAdd(MentionKeyHash.Compute(mention.Key))) return false;
        var at = mention.CreatedAt > now ? now : mention.CreatedAt;
        _source ??= mention.Source;
        _mentions++;
        _sentiment = _sentiment.Add(enriched.PublicLabel);
        _minutes.TryAdd(at, enriched.PublicLabel);
        if (mention.IsReply) _replies++;
        _shares += mention.Metrics.Shares + (mention.IsShare ? 1 : 0);
        if (mention.Author is { } author && _authors.Count < MaxTrackedAuthors && _authors.Add(author.Handle))
            _reach += Math.Max(0, author.Followers);
        // The root is the earliest message that is not itself a reply or share; else the earliest seen.
        var isRootCandidate = !mention.IsReply && !mention.IsShare;
        var root = _root?.Mention;
        if (root is null
            || (isRootCandidate && (root.IsReply || root.IsShare || mention.CreatedAt < root.CreatedAt)))
            _root = enriched;
        if (_firstSeen is null || at < _firstSeen) _firstSeen = at;
        if (_lastSeen is null || at > _lastSeen) _lastSeen = at;
        return true;
    }

    public ConversationSummary Summarize(DateTimeOffset now)
    {
        _minutes.AdvanceTo(now);
        return new ConversationSummary(
            key,
            _source ?? key.Split(':')[0],
            _root?.Mention.Id,
            _root?.Mention.Author?.Handle,
            _root?.DisplayText,
            _mentions,
            _replies,
            _shares,
            _authors.Count,
            _reach,
            _sentiment,
            _minutes.SumNewest(10).Volume,
            _minutes.Sum().Volume - _minutes.SumNewest(10).Volume,
            _firstSeen,
            _lastSeen,
            now);
    }
}
