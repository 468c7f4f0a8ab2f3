using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Privacy;
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

    /// <summary>
    /// The aggregates and totals as read back from the mention log (after a restart, a purge or an erasure);
    /// the river, conversations, alerts and webcare board stay.
    /// </summary>
    public void Rebase(IEnumerable<ActivitySummary> sources, IEnumerable<ActivitySummary> topics, IngestTotals totals)
    {
        _sources.Clear();
        _topics.Clear();
        foreach (var source in sources) _sources[source.Key] = source;
        foreach (var topic in topics) _topics[topic.Key] = topic;
        Totals = totals;
    }

    /// <summary>
    /// GDPR erasure: the author's mentions leave the river, the conversations they were in are replaced by
    /// their rebuilt summaries (or dropped), and the alerts lose the author's mentions and words.
    /// </summary>
    public void Erase(AuthorErasure erasure, IEnumerable<ConversationSummary> rebuilt)
    {
        var kept = _mentions.Where(m => !erasure.Wrote(m)).ToList();
        _mentions.Clear();
        foreach (var mention in kept) _mentions.Enqueue(mention);
        foreach (var key in _conversations.Values.Where(c => erasure.Touched(c.Key) || erasure.Wrote(c.Source, c.RootAuthor)).Select(c => c.Key).ToList())
            _conversations.Remove(key);
        foreach (var conversation in rebuilt) _conversations[conversation.Key] = conversation;
        foreach (var alert in _alerts.Values.ToList()) _alerts[alert.Id] = erasure.Scrub(alert);
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
