using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Aggregation;

/// <summary>Mentions of one conversation, in time order, on their way to its grain.</summary>
public sealed record ConversationRoute(string Key, System.Collections.Immutable.ImmutableArray<EnrichedMention> Mentions);

/// <summary>
/// Decides which mentions go to a conversation's own grain. Most mentions are never answered or shared,
/// and activating a grain for each would cost more than everything else in the ingest (measured: 13k
/// against 139k mentions/s, see BENCHMARKS.md). So a conversation of one mention waits here; the moment
/// a second mention joins it, it is promoted and its first mention is forwarded with the new ones.
/// Bounded: at most <c>pendingCapacity</c> waiting first mentions and <c>promotedCapacity</c> promoted
/// keys, oldest forgotten first. A forgotten first mention means the conversation starts at its second
/// mention; a forgotten promoted key means its next mention waits here again. Nothing is counted twice.
/// </summary>
public sealed class ConversationRouter(int pendingCapacity, int promotedCapacity)
{
    private readonly Dictionary<string, EnrichedMention> _pending = new(StringComparer.Ordinal);
    private readonly Queue<string> _pendingOrder = new();
    private readonly HashSet<string> _promoted = new(StringComparer.Ordinal);
    private readonly Queue<string> _promotedOrder = new();

    public int PendingCount => _pending.Count;

    /// <summary>First mentions ever kept back here; past the pending capacity, everything kept before this router existed would have been forgotten anyway.</summary>
    public long PendingAdded { get; private set; }

    /// <summary>
    /// An earlier mention of a conversation found elsewhere (the mention log, after a restart emptied this
    /// router): the conversation has two mentions after all. Promotes it and answers what to forward: the
    /// earlier mention with the one still waiting here, or the earlier one alone when it was promoted meanwhile.
    /// </summary>
    public ConversationRoute Adopt(string key, EnrichedMention earlier)
    {
        var waiting = _pending.Remove(key, out var first);
        Promote(key);
        return new ConversationRoute(key, waiting ? [earlier, first!] : [earlier]);
    }

    /// <summary>The mentions to forward, per conversation key; mentions of a conversation of one are kept back.</summary>
    public List<ConversationRoute> Route(IEnumerable<EnrichedMention> mentions)
    {
        var forward = new List<ConversationRoute>();
        foreach (var group in mentions.GroupBy(m => m.Mention.ConversationKey, StringComparer.Ordinal))
        {
            var key = group.Key;
            var list = group.ToList();
            if (_promoted.Contains(key))
            {
                forward.Add(new ConversationRoute(key, [.. list]));
            }
            else if (_pending.Remove(key, out var first))
            {
                list.Insert(0, first);
                Promote(key);
                forward.Add(new ConversationRoute(key, [.. list]));
            }
            else if (list.Count > 1)
            {
                Promote(key);
                forward.Add(new ConversationRoute(key, [.. list]));
            }
            else
            {
                AddPending(key, list[0]);
            }
        }
        return forward;
    }

    /// <summary>The only mention of a conversation that has not been promoted, if it is still remembered.</summary>
    public EnrichedMention? Pending(string key) => _pending.GetValueOrDefault(key);

    /// <summary>Forgets the waiting first mentions that match (GDPR erasure); returns how many.</summary>
    public int Forget(Func<EnrichedMention, bool> match)
    {
        var gone = _pending.Where(p => match(p.Value)).Select(p => p.Key).ToList();
        foreach (var key in gone) _pending.Remove(key);
        return gone.Count;
    }

    private void Promote(string key)
    {
        if (!_promoted.Add(key)) return;
        _promotedOrder.Enqueue(key);
        if (_promotedOrder.Count > promotedCapacity) _promoted.Remove(_promotedOrder.Dequeue());
    }

    private void AddPending(string key, EnrichedMention mention)
    {
        _pending[key] = mention;
        PendingAdded++;
        _pendingOrder.Enqueue(key);
        // The order queue may hold keys already promoted; those removals are no-ops.
        while (_pending.Count > pendingCapacity && _pendingOrder.TryDequeue(out var oldest)) _pending.Remove(oldest);
        if (_pendingOrder.Count > 2 * pendingCapacity + 16) CompactPendingOrder();
    }

    private void CompactPendingOrder()
    {
        var live = _pendingOrder.Where(_pending.ContainsKey).Distinct().ToList();
        _pendingOrder.Clear();
        foreach (var key in live) _pendingOrder.Enqueue(key);
    }
}
