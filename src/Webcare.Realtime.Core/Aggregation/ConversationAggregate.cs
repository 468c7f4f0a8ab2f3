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
    DateTimeOffset AsOf) : IVersionedSummary
{
    /// <summary>Mentions per minute over the last ten minutes.</summary>
    public double GrowthPerMinute => Math.Round(LastTenMinutes / 10.0, 2);

    long IVersionedSummary.Count => Mentions;
}

/// <summary>
/// What <see cref="ConversationAggregate"/> stores to survive a restart: plain, immutable, JSON-friendly.
/// <see cref="MinuteBuckets"/> are the ring's buckets oldest first, the last one starting at <see cref="NewestMinute"/>.
/// </summary>
public sealed record ConversationAggregateState(
    string Key,
    string? Source,
    EnrichedMention? Root,
    int Mentions,
    int Replies,
    long Shares,
    long Reach,
    BucketCounts Sentiment,
    System.Collections.Immutable.ImmutableArray<BucketCounts> MinuteBuckets,
    DateTimeOffset? NewestMinute,
    System.Collections.Immutable.ImmutableArray<string> Authors,
    System.Collections.Immutable.ImmutableArray<ulong> Recorded,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen);

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

    public ConversationAggregateState Save() => new(
        key, _source, _root, _mentions, _replies, _shares, _reach, _sentiment,
        [.. _minutes.ToArray()], _minutes.NewestStart, [.. _authors], [.. _recorded.OldestFirst], _firstSeen, _lastSeen);

    public static ConversationAggregate Restore(ConversationAggregateState state)
    {
        var aggregate = new ConversationAggregate(state.Key)
        {
            _source = state.Source,
            _root = state.Root,
            _mentions = state.Mentions,
            _replies = state.Replies,
            _shares = state.Shares,
            _reach = state.Reach,
            _sentiment = state.Sentiment,
            _firstSeen = state.FirstSeen,
            _lastSeen = state.LastSeen,
        };
        if (state.NewestMinute is { } newest)
            for (var i = 0; i < state.MinuteBuckets.Length; i++)
                aggregate._minutes.TryAdd(newest - (state.MinuteBuckets.Length - 1 - i) * aggregate._minutes.Width, state.MinuteBuckets[i]);
        aggregate._authors.UnionWith(state.Authors);
        foreach (var recorded in state.Recorded) aggregate._recorded.TryAdd(recorded);
        return aggregate;
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
