using Webcare.Realtime.Core.Wall;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Wall;

public sealed class WallFrameCoalescerTests
{
    [Fact]
    public void TakeFrame_IsNullWhenNothingWasAdded()
    {
        var coalescer = new WallFrameCoalescer();

        Assert.Null(coalescer.TakeFrame(Now));
        Assert.Null(coalescer.TakeFrame(Now.AddSeconds(1)));
    }

    [Fact]
    public void TakeFrame_IsNullAgainUntilTheNextAdd_AndTheSequenceIncrements()
    {
        var coalescer = new WallFrameCoalescer();

        coalescer.Add(Delta(mentions: [WallMention("1")]));
        var first = coalescer.TakeFrame(Now);
        Assert.NotNull(first);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(Now, first.SentAt);

        Assert.Null(coalescer.TakeFrame(Now.AddMilliseconds(250)));

        coalescer.Add(Delta(mentions: [WallMention("2")]));
        coalescer.Add(Delta(mentions: [WallMention("3")]));
        var second = coalescer.TakeFrame(Now.AddMilliseconds(500));
        Assert.NotNull(second);
        Assert.Equal(2, second.Sequence); // no gap for the empty tick
        Assert.Equal(["2", "3"], second.Mentions.Select(m => m.Id)); // only what came since the first frame
    }

    [Fact]
    public void Mentions_AreBounded_AndTheRestCountedAsOmitted()
    {
        var coalescer = new WallFrameCoalescer(maxMentions: 3);

        coalescer.Add(Delta(mentions: [WallMention("1"), WallMention("2")], omitted: 10));
        coalescer.Add(Delta(mentions: [WallMention("3"), WallMention("4"), WallMention("5")], omitted: 2));
        var frame = coalescer.TakeFrame(Now)!;

        Assert.Equal(["3", "4", "5"], frame.Mentions.Select(m => m.Id)); // the newest, in arrival order
        Assert.Equal(10 + 2 + 2, frame.OmittedMentions);
    }

    [Fact]
    public void Omitted_StartsAgainAfterEachFrame()
    {
        var coalescer = new WallFrameCoalescer(maxMentions: 1);
        coalescer.Add(Delta(mentions: [WallMention("1"), WallMention("2")], omitted: 4));
        Assert.Equal(5, coalescer.TakeFrame(Now)!.OmittedMentions);

        coalescer.Add(Delta(mentions: [WallMention("3")]));
        var frame = coalescer.TakeFrame(Now)!;

        Assert.Equal(0, frame.OmittedMentions);
        Assert.Equal(["3"], frame.Mentions.Select(m => m.Id));
    }

    [Fact]
    public void Aggregates_AreUpsertedByKey_KeepingTheLatest()
    {
        var coalescer = new WallFrameCoalescer();

        coalescer.Add(Delta(sources: [Activity("twitter", 1)], topics: [Activity("SEH", 1)],
            conversations: [Conversation("twitter:a", mentions: 1), Conversation("twitter:b", mentions: 1)]));
        coalescer.Add(Delta(sources: [Activity("twitter", 2), Activity("facebook", 7)], topics: [Activity("SEH", 3)],
            conversations: [Conversation("twitter:a", mentions: 4)]));
        var frame = coalescer.TakeFrame(Now)!;

        Assert.Equal([("facebook", 7L), ("twitter", 2L)], frame.Sources.Select(s => (s.Key, s.Total)).OrderBy(s => s.Key));
        Assert.Equal(3, Assert.Single(frame.Topics).Total);
        Assert.Equal([("twitter:a", 4), ("twitter:b", 1)], frame.Conversations.Select(c => (c.Key, c.Mentions)).OrderBy(c => c.Key));
    }

    [Fact]
    public void Aggregates_AreNotRepeatedInTheNextFrame()
    {
        var coalescer = new WallFrameCoalescer();
        coalescer.Add(Delta(sources: [Activity("twitter")], topics: [Activity("SEH")], conversations: [Conversation("twitter:a")]));
        coalescer.TakeFrame(Now);

        coalescer.Add(Delta(mentions: [WallMention("9")]));
        var frame = coalescer.TakeFrame(Now)!;

        Assert.Empty(frame.Sources);
        Assert.Empty(frame.Topics);
        Assert.Empty(frame.Conversations);
    }

    [Fact]
    public void Totals_AccumulateCounts_AndCarryOverFrames()
    {
        var coalescer = new WallFrameCoalescer();

        coalescer.Add(Delta(counts: new IngestTotals(5, 1, 0)));
        coalescer.Add(Delta(counts: new IngestTotals(2, 0, 3)));
        Assert.Equal(new IngestTotals(7, 1, 3), coalescer.TakeFrame(Now)!.Totals);

        coalescer.Add(Delta(counts: new IngestTotals(1, 0, 0)));
        Assert.Equal(new IngestTotals(8, 1, 3), coalescer.TakeFrame(Now)!.Totals);
        Assert.Equal(new IngestTotals(8, 1, 3), coalescer.Totals);
    }

    [Fact]
    public void Totals_StampedOnADelta_ReplaceTheRunningTotals()
    {
        var coalescer = new WallFrameCoalescer();

        coalescer.Add(Delta(counts: new IngestTotals(5, 0, 0)));
        coalescer.Add(Delta(counts: new IngestTotals(1, 0, 0)) with { Totals = new IngestTotals(100, 2, 1) });
        Assert.Equal(new IngestTotals(100, 2, 1), coalescer.TakeFrame(Now)!.Totals);

        coalescer.Add(Delta(counts: new IngestTotals(1, 1, 1)));
        Assert.Equal(new IngestTotals(101, 3, 2), coalescer.TakeFrame(Now)!.Totals);
    }

    [Fact]
    public void ManyDeltas_CoalesceIntoOneBoundedFrame()
    {
        var coalescer = new WallFrameCoalescer(maxMentions: 50);
        for (var i = 0; i < 1_000; i++)
            coalescer.Add(Delta(mentions: [WallMention($"m{i}")], sources: [Activity("twitter", i)], counts: new IngestTotals(1, 0, 0)));

        var frame = coalescer.TakeFrame(Now)!;

        Assert.Equal(1, frame.Sequence);
        Assert.Equal(50, frame.Mentions.Length);
        Assert.Equal("m999", frame.Mentions[^1].Id);
        Assert.Equal("m950", frame.Mentions[0].Id);
        Assert.Equal(950, frame.OmittedMentions);
        Assert.Equal(999, Assert.Single(frame.Sources).Total);
        Assert.Equal(new IngestTotals(1_000, 0, 0), frame.Totals);
        Assert.Null(coalescer.TakeFrame(Now));
    }
}

public sealed class WallFrameCoalescerOrderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static WallDelta Stamped(long sequence, long accepted) =>
        new WallDelta([], 0, [], [], [], new IngestTotals(1, 0, 0)) with { Sequence = sequence, Totals = new IngestTotals(accepted, 0, 0) };

    [Fact]
    public void Totals_never_go_back_when_deltas_arrive_out_of_order()
    {
        var coalescer = new WallFrameCoalescer();
        coalescer.Add(Stamped(2, 20));
        coalescer.Add(Stamped(1, 10));
        Assert.Equal(20, coalescer.TakeFrame(Now)!.Totals.Accepted);

        coalescer.Add(Stamped(3, 30));
        Assert.Equal(30, coalescer.TakeFrame(Now)!.Totals.Accepted);
    }
}
