using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Wall;

/// <summary>
/// Merges deltas between two pushes into one frame, so a wall gets a few frames a second however many
/// mentions arrive: the newest <c>maxMentions</c> mentions (the others are counted as omitted), and only
/// the latest version of each aggregate. Not thread-safe; the caller serialises Add and TakeFrame.
/// </summary>
public sealed class WallFrameCoalescer(int maxMentions = 50)
{
    private readonly Queue<WallMention> _mentions = new();
    private readonly Dictionary<string, ActivitySummary> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivitySummary> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationSummary> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);
    private WebcareBoard? _webcare;
    private int _omitted;
    private long _sequence;
    private long _newestDelta = long.MinValue;
    private bool _dirty;

    public IngestTotals Totals { get; private set; } = IngestTotals.Zero;

    public void Add(WallDelta delta)
    {
        _omitted += delta.OmittedMentions;
        foreach (var mention in delta.Mentions)
        {
            _mentions.Enqueue(mention);
            if (_mentions.Count > maxMentions)
            {
                _mentions.Dequeue();
                _omitted++;
            }
        }
        foreach (var source in delta.Sources) SummaryOrder.KeepNewer(_sources, source);
        foreach (var topic in delta.Topics) SummaryOrder.KeepNewer(_topics, topic);
        foreach (var conversation in delta.Conversations) SummaryOrder.KeepNewer(_conversations, conversation);
        foreach (var alert in delta.Alerts) AlertOrder.KeepNewer(_alerts, alert);
        if (delta.Webcare is { } board && (_webcare is null || board.AsOf >= _webcare.AsOf)) _webcare = board;
        if (delta.Totals is { } totals)
        {
            if (delta.Sequence > _newestDelta)
            {
                Totals = totals;
                _newestDelta = delta.Sequence;
            }
        }
        else Totals += delta.Counts;
        _dirty = true;
    }

    /// <summary>The frame since the previous one, or null when nothing changed.</summary>
    public WallFrame? TakeFrame(DateTimeOffset now)
    {
        if (!_dirty) return null;
        var frame = new WallFrame(
            ++_sequence,
            [.. _mentions],
            _omitted,
            [.. _sources.Values],
            [.. _topics.Values],
            [.. _conversations.Values],
            Totals,
            now)
        {
            Alerts = [.. _alerts.Values],
            Webcare = _webcare,
        };
        _webcare = null;
        _mentions.Clear();
        _alerts.Clear();
        _sources.Clear();
        _topics.Clear();
        _conversations.Clear();
        _omitted = 0;
        _dirty = false;
        return frame;
    }
}
