namespace Webcare.Realtime.Core.Aggregation;

/// <summary>A summary that a later state of the same aggregate replaces: its key, its time, and its count.</summary>
public interface IVersionedSummary
{
    string Key { get; }
    DateTimeOffset AsOf { get; }
    long Count { get; }
}

/// <summary>
/// Which of two versions of an aggregate is newer. Concurrent batches hand their summaries to the wall feed
/// in any order, so the last to arrive is not always the newest: one that arrives late must not put an
/// older count back (the summed totals would then disagree with the per-source totals until the next batch).
/// </summary>
public static class SummaryOrder
{
    public static void KeepNewer<T>(IDictionary<string, T> summaries, T summary) where T : IVersionedSummary
    {
        // A grain serialises its calls, so a later AsOf is a later state; after a rebuild (erasure) the count
        // may drop, which is why the time decides and the count only breaks a tie.
        if (!summaries.TryGetValue(summary.Key, out var known)
            || summary.AsOf > known.AsOf
            || (summary.AsOf == known.AsOf && summary.Count >= known.Count))
            summaries[summary.Key] = summary;
    }
}
