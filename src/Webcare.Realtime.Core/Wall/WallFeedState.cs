using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Wall;

/// <summary>
/// The state a wall is drawn from, folded from deltas: the latest mentions, the newest aggregate per source
/// and topic, the most active conversations and the running totals. Bounded: it keeps
/// <see cref="MentionCapacity"/> mentions and <see cref="ConversationCapacity"/> conversations.
/// </summary>
public sealed class WallFeedState(int mentionCapacity = 100, int conversationCapacity = 500, int conversationsShown = 20)
{
    private readonly Queue<WallMention> _mentions = new();
    private readonly Dictionary<string, ActivitySummary> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivitySummary> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationSummary> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    public int MentionCapacity => mentionCapacity;
    public int ConversationCapacity => conversationCapacity;
    public IngestTotals Totals { get; private set; } = IngestTotals.Zero;

    public WebcareBoard? Webcare { get; private set; }

    /// <summary>Folds a delta in and returns the totals after it.</summary>
    public IngestTotals Apply(WallDelta delta)
    {
        foreach (var mention in delta.Mentions)
        {
            _mentions.Enqueue(mention);
            if (_mentions.Count > mentionCapacity) _mentions.Dequeue();
        }
        foreach (var source in delta.Sources) SummaryOrder.KeepNewer(_sources, source);
        foreach (var topic in delta.Topics) SummaryOrder.KeepNewer(_topics, topic);
        foreach (var conversation in delta.Conversations) SummaryOrder.KeepNewer(_conversations, conversation);
        if (_conversations.Count > conversationCapacity) ForgetQuietestConversations(delta.Conversations.FirstOrDefault()?.AsOf ?? DateTimeOffset.MinValue);
        foreach (var alert in delta.Alerts) AlertOrder.KeepNewer(_alerts, alert);
        if (delta.Webcare is { } board && (Webcare is null || board.AsOf >= Webcare.AsOf)) Webcare = board;
        Totals += delta.Counts;
        return Totals;
    }

    public ActivitySummary? Source(string key) => _sources.GetValueOrDefault(key);
    public ActivitySummary? Topic(string key) => _topics.GetValueOrDefault(key);

    public WallSnapshot Snapshot(DateTimeOffset now) => new(
        [.. _mentions.Reverse()],
        [.. _sources.Values.OrderBy(s => s.Key, StringComparer.Ordinal)],
        [.. _topics.Values.OrderBy(t => t.Key, StringComparer.Ordinal)],
        [.. ConversationRanking.Rank(_conversations.Values, now).Take(conversationsShown)],
        Totals,
        now)
    {
        Alerts = [.. CurrentAlerts(now)],
        Webcare = Webcare,
    };

    private IEnumerable<Alert> CurrentAlerts(DateTimeOffset now)
    {
        foreach (var gone in _alerts.Values.Where(a => a.ResolvedAt < now - AlertBook.KeepResolved).Select(a => a.Id).ToList())
            _alerts.Remove(gone);
        return AlertOrder.Rank(_alerts.Values);
    }

    private void ForgetQuietestConversations(DateTimeOffset now)
    {
        var keep = ConversationRanking.Rank(_conversations.Values, now).Take(Math.Max(1, conversationCapacity / 2)).Select(c => c.Key).ToHashSet();
        foreach (var key in _conversations.Keys.Where(k => !keep.Contains(k)).ToList()) _conversations.Remove(key);
    }
}
