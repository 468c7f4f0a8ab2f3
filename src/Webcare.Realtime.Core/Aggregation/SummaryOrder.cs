namespace Webcare.Realtime.Core.Aggregation;

/// <summary>
/// Which of two versions of an aggregate is newer. Concurrent batches hand their summaries to the wall feed
/// in any order, so the last to arrive is not always the newest: one that arrives late must not put an
/// older count back (the summed totals would then disagree with the per-source totals until the next batch).
/// </summary>
public static class SummaryOrder
{
    public static void KeepNewer(IDictionary<string, ActivitySummary> summaries, ActivitySummary summary)
    {
        // A grain serialises its calls, so a later AsOf is a later state; after a rebuild (erasure) the total
        // may drop, which is why the time decides and the count only breaks a tie.
        if (!summaries.TryGetValue(summary.Key, out var known)
            || summary.AsOf > known.AsOf
            || (summary.AsOf == known.AsOf && summary.Total >= known.Total))
            summaries[summary.Key] = summary;
    }

    public static void KeepNewer(IDictionary<string, ConversationSummary> summaries, ConversationSummary summary)
    {
        if (!summaries.TryGetValue(summary.Key, out var known)
            || summary.AsOf > known.AsOf
            || (summary.AsOf == known.AsOf && summary.Mentions >= known.Mentions))
            summaries[summary.Key] = summary;
    }
}
