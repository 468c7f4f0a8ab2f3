using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Core.Tests.Support;

/// <summary>Builders for the model types the Core tests feed in; every test uses the same fixed clock.</summary>
internal static class TestMentions
{
    /// <summary>The fixed "now" of every test: 2026-11-23T12:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Mention Mention(
        string id = "1",
        DateTimeOffset? at = null,
        string text = "hallo",
        string source = "twitter",
        string? author = null,
        long followers = 0,
        string? inReplyTo = null,
        string? sharedFrom = null,
        string? conversationId = null,
        long shares = 0) =>
        new(source, id, at ?? Now, text)
        {
            Author = author is null ? null : new Author(author, null, followers),
            InReplyTo = inReplyTo,
            SharedFrom = sharedFrom,
            ConversationId = conversationId,
            Metrics = new MentionMetrics(0, shares),
        };

    public static EnrichedMention Enriched(Mention mention, SentimentLabel label = SentimentLabel.Neutral) =>
        new(mention, new SentimentResult((int)label * 0.5, label), []) { ReceivedAt = mention.CreatedAt };

    public static EnrichedMention Enriched(
        string id = "1",
        DateTimeOffset? at = null,
        SentimentLabel label = SentimentLabel.Neutral,
        string? author = null,
        long followers = 0,
        string? inReplyTo = null,
        string? sharedFrom = null,
        long shares = 0) =>
        Enriched(Mention(id, at, author: author, followers: followers, inReplyTo: inReplyTo, sharedFrom: sharedFrom, shares: shares), label);

    public static WallMention WallMention(string id, DateTimeOffset? at = null) =>
        global::Webcare.Realtime.Core.Wall.WallMention.From(Enriched(id, at));

    public static ActivitySummary Activity(string key, long total = 1, DateTimeOffset? asOf = null) =>
        new(key, total, default, default, [], [], [], [], null, null, asOf ?? Now);

    /// <summary>A conversation summary made at <see cref="Now"/>, last seen then unless said otherwise.</summary>
    public static ConversationSummary Conversation(
        string key, int lastTenMinutes = 0, long reach = 0, DateTimeOffset? lastSeen = null, int mentions = 1, bool neverSeen = false) =>
        new(key, key.Split(':')[0], null, null, null, mentions, 0, 0, 1, reach, default, lastTenMinutes, 0,
            neverSeen ? null : lastSeen ?? Now, neverSeen ? null : lastSeen ?? Now, Now);

    public static WallDelta Delta(
        IEnumerable<WallMention>? mentions = null,
        int omitted = 0,
        IEnumerable<ActivitySummary>? sources = null,
        IEnumerable<ActivitySummary>? topics = null,
        IEnumerable<ConversationSummary>? conversations = null,
        IngestTotals? counts = null) =>
        new([.. mentions ?? []], omitted, [.. sources ?? []], [.. topics ?? []], [.. conversations ?? []],
            counts ?? IngestTotals.Zero);
}
