using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Wall;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class SummaryOrderTests
{
    [Fact]
    public void A_summary_that_arrives_after_a_newer_one_is_ignored()
    {
        var kept = new Dictionary<string, ActivitySummary>();

        SummaryOrder.KeepNewer(kept, Activity("twitter", total: 1_000, asOf: Now));
        SummaryOrder.KeepNewer(kept, Activity("twitter", total: 833, asOf: Now.AddMilliseconds(-3)));

        Assert.Equal(1_000, kept["twitter"].Total);
    }

    [Fact]
    public void A_later_summary_wins_even_with_a_lower_total_as_after_an_erasure()
    {
        var kept = new Dictionary<string, ActivitySummary>();

        SummaryOrder.KeepNewer(kept, Activity("twitter", total: 1_000, asOf: Now));
        SummaryOrder.KeepNewer(kept, Activity("twitter", total: 950, asOf: Now.AddSeconds(1)));

        Assert.Equal(950, kept["twitter"].Total);
    }

    [Fact]
    public void Summaries_of_the_same_moment_keep_the_higher_count()
    {
        var sources = new Dictionary<string, ActivitySummary>();
        SummaryOrder.KeepNewer(sources, Activity("twitter", total: 7));
        SummaryOrder.KeepNewer(sources, Activity("twitter", total: 6));
        var conversations = new Dictionary<string, ConversationSummary>();
        SummaryOrder.KeepNewer(conversations, Conversation("twitter:a", mentions: 4));
        SummaryOrder.KeepNewer(conversations, Conversation("twitter:a", mentions: 3));

        Assert.Equal(7, sources["twitter"].Total);
        Assert.Equal(4, conversations["twitter:a"].Mentions);
    }

    [Fact]
    public void Deltas_of_concurrent_batches_in_either_order_leave_the_feed_and_the_frame_with_the_newest_counts()
    {
        // Two batches of 500 over the same source: the second grain call answers 1,000, but its delta reaches
        // the feed first. The summed total and the source's total must agree afterwards (they did not: 500 short).
        var first = Delta(sources: [Activity("twitter", total: 500, asOf: Now)], counts: new IngestTotals(500, 0, 0));
        var second = Delta(sources: [Activity("twitter", total: 1_000, asOf: Now.AddMilliseconds(2))], counts: new IngestTotals(500, 0, 0));
        var state = new WallFeedState();
        var coalescer = new WallFrameCoalescer();

        foreach (var delta in new[] { second, first })
        {
            state.Apply(delta);
            coalescer.Add(delta);
        }

        Assert.Equal(state.Totals.Accepted, state.Source("twitter")!.Total);
        Assert.Equal(1_000, Assert.Single(coalescer.TakeFrame(Now)!.Sources).Total);
    }
}
