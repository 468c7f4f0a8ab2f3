using System.Collections.Immutable;
using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;

namespace Webcare.Realtime.Core.Aggregation;

/// <summary>What the wall and the API show for one source or topic.</summary>
public sealed record ActivitySummary(
    string Key,
    long Total,
    BucketCounts LastHour,
    BucketCounts Last24Hours,
    ImmutableArray<int> MinuteVolume,
    ImmutableArray<int> MinuteNegative,
    ImmutableArray<int> FiveMinuteVolume24Hours,
    ImmutableArray<AuthorReach> TopAuthors,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    DateTimeOffset AsOf) : IVersionedSummary
{
    public double? NetSentiment => LastHour.NetSentiment;

    long IVersionedSummary.Count => Total;
}

/// <summary>
/// Sliding windows over one stream of mentions: 1-minute buckets over the last hour and 5-minute buckets
/// over the last 24 hours, by the mention's own time (so a replay lands where it happened), plus the
/// authors with the most reach. Bounded memory whatever the volume. Recording the same mention twice
/// counts it once (within the last <c>rememberedMentions</c>), so a batch retried after a partial failure
/// is not counted twice. In durable mode it can be rebuilt from the mention log (<see cref="Rebuild"/>).
/// Opinions are also counted once per conversation (<see cref="ConversationOpinions"/>), for the tone watch.
/// </summary>
/// <param name="opinionWindow">Within this span a conversation gives one opinion: the tone detector's window.</param>
public sealed class ActivityAggregate(int rememberedMentions = 100_000, TimeSpan? opinionWindow = null)
{
    private readonly RecentKeySet _recorded = new(rememberedMentions);
    private readonly BucketRing _minutes = new(TimeSpan.FromMinutes(1), 60);
    private readonly BucketRing _fiveMinutes = new(TimeSpan.FromMinutes(5), 288);
    private readonly TopAuthors _authors = new();
    private readonly ConversationOpinions _opinions = new(opinionWindow ?? TimeSpan.FromMinutes(Detection.SentimentShiftOptions.Default.WindowMinutes));
    // The log transactions the last rebuild counted: a mention they stored is not counted again.
    private MentionLogSnapshot? _rebuiltFrom;

    public long Total { get; private set; }
    public DateTimeOffset? FirstSeen { get; private set; }
    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>False when this mention was already recorded.</summary>
    public bool Record(EnrichedMention enriched, DateTimeOffset now)
    {
        var mention = enriched.Mention;
        if (_rebuiltFrom is { } rebuilt && enriched.LogTransaction is { } transaction && rebuilt.Saw(transaction)) return false;
        if (!_recorded.TryAdd(MentionKeyHash.Compute(mention.Key))) return false;
        // Ingest already refused timestamps far in the future; a little clock skew is read as "now".
        var at = mention.CreatedAt > now ? now : mention.CreatedAt;
        Total++;
        _minutes.TryAdd(at, enriched.PublicLabel);
        _fiveMinutes.TryAdd(at, enriched.PublicLabel);
        if (enriched.PublicLabel != Analysis.SentimentLabel.Neutral)
            _opinions.Record(MentionKeyHash.Compute(mention.ConversationRoot), at, enriched.PublicLabel);
        if (mention.Author is { } author) _authors.Add(author.Handle, author.Followers);
        if (FirstSeen is null || at < FirstSeen) FirstSeen = at;
        if (LastSeen is null || at > LastSeen) LastSeen = at;
        return true;
    }

    /// <summary>
    /// Replaces everything counted with what the mention log holds (after a restart, or after an erasure).
    /// Mentions recorded later count only when the log's snapshot did not already contain them.
    /// </summary>
    public void Rebuild(ActivityHistory history, DateTimeOffset now)
    {
        _minutes.Clear();
        _fiveMinutes.Clear();
        _authors.Clear();
        // The log keeps no per-conversation counts: opinions count again from the mentions that come now.
        _opinions.Clear();
        _minutes.AdvanceTo(now);
        _fiveMinutes.AdvanceTo(now);
        foreach (var bucket in history.Minutes) _minutes.TryAdd(bucket.Start, bucket.Counts);
        foreach (var bucket in history.FiveMinutes) _fiveMinutes.TryAdd(bucket.Start, bucket.Counts);
        foreach (var author in history.Authors) _authors.Add(author.Handle, author.Followers, author.Mentions);
        Total = history.Total;
        FirstSeen = history.FirstSeen;
        LastSeen = history.LastSeen is { } last && last > now ? now : history.LastSeen;
        _rebuiltFrom = history.Snapshot;
    }

    /// <summary>The last hour by minute, oldest first; the last entry is the minute that holds <paramref name="now"/>.</summary>
    public (DateTimeOffset CurrentMinute, BucketCounts[] Minutes) MinuteWindow(DateTimeOffset now)
    {
        _minutes.AdvanceTo(now);
        return (_minutes.NewestStart ?? now, _minutes.ToArray());
    }

    /// <summary>The last hour's opinions by minute, counted once per conversation, aligned with <see cref="MinuteWindow"/>.</summary>
    public BucketCounts[] OpinionMinuteWindow(DateTimeOffset now)
    {
        _minutes.AdvanceTo(now);
        return _opinions.MinuteWindow(_minutes.NewestStart ?? now);
    }

    public ActivitySummary Summarize(string key, DateTimeOffset now)
    {
        _minutes.AdvanceTo(now);
        _fiveMinutes.AdvanceTo(now);
        var minutes = _minutes.ToArray();
        return new ActivitySummary(
            key,
            Total,
            _minutes.Sum(),
            _fiveMinutes.Sum(),
            [.. minutes.Select(b => b.Volume)],
            [.. minutes.Select(b => b.Negative)],
            [.. _fiveMinutes.ToArray().Select(b => b.Volume)],
            _authors.Top(),
            FirstSeen,
            LastSeen,
            now);
    }
}
