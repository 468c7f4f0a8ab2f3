using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class BucketRingTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>A minute-aligned time: <see cref="Now"/> is 12:00:00, so minute 0 is the 12:00 bucket.</summary>
    private static DateTimeOffset M(int minute, int second = 0) => Now.AddMinutes(minute).AddSeconds(second);

    private static int[] Volumes(BucketRing ring) => [.. ring.ToArray().Select(b => b.Volume)];

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_RefusesANonPositiveCount(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BucketRing(Minute, count));
    }

    [Fact]
    public void NewRing_IsEmpty()
    {
        var ring = new BucketRing(Minute, 5);

        Assert.Equal(5, ring.Count);
        Assert.Equal(Minute, ring.Width);
        Assert.Null(ring.NewestStart);
        Assert.Equal([0, 0, 0, 0, 0], Volumes(ring));
        Assert.Equal(default, ring.Sum());
        Assert.Equal(default, ring.SumNewest(3));
    }

    [Fact]
    public void Add_LandsInTheBucketOfItsTime()
    {
        var ring = new BucketRing(Minute, 5);

        Assert.True(ring.TryAdd(M(0, 10), SentimentLabel.Positive));
        Assert.True(ring.TryAdd(M(0, 59), SentimentLabel.Negative));
        Assert.True(ring.TryAdd(M(0, 0), SentimentLabel.Neutral));

        Assert.Equal(M(0), ring.NewestStart);
        Assert.Equal([0, 0, 0, 0, 3], Volumes(ring));
        Assert.Equal(new BucketCounts(3, 1, 1, 1), ring.ToArray()[^1]);
    }

    [Fact]
    public void NewestStart_IsTheStartOfTheNewestBucketInUtc()
    {
        var ring = new BucketRing(TimeSpan.FromMinutes(5), 3);

        ring.TryAdd(new DateTimeOffset(2026, 11, 23, 13, 7, 30, TimeSpan.FromHours(1)), SentimentLabel.Neutral);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 5, 0, TimeSpan.Zero), ring.NewestStart);
        Assert.Equal(TimeSpan.Zero, ring.NewestStart!.Value.Offset);
    }

    [Fact]
    public void AddingToALaterBucket_SlidesTheWindowAndClearsWhatFellOut()
    {
        var ring = new BucketRing(Minute, 5);
        ring.TryAdd(M(0), SentimentLabel.Neutral);
        ring.TryAdd(M(1), SentimentLabel.Neutral);
        ring.TryAdd(M(1), SentimentLabel.Neutral);
        ring.TryAdd(M(3), SentimentLabel.Neutral);

        Assert.Equal([0, 1, 2, 0, 1], Volumes(ring)); // minutes -1 .. 3

        ring.TryAdd(M(5), SentimentLabel.Neutral);

        Assert.Equal([2, 0, 1, 0, 1], Volumes(ring)); // minutes 1 .. 5: minute 0 fell out
        Assert.Equal(4, ring.Sum().Volume);
        Assert.Equal(M(5), ring.NewestStart);
    }

    [Fact]
    public void AddingToAnOlderBucketInsideTheWindow_DoesNotMoveIt()
    {
        var ring = new BucketRing(Minute, 5);
        ring.TryAdd(M(4), SentimentLabel.Neutral);

        Assert.True(ring.TryAdd(M(0), SentimentLabel.Negative)); // the oldest bucket still in the window
        Assert.True(ring.TryAdd(M(2), SentimentLabel.Neutral));

        Assert.Equal(M(4), ring.NewestStart);
        Assert.Equal([1, 0, 1, 0, 1], Volumes(ring));
        Assert.Equal(1, ring.ToArray()[0].Negative);
    }

    [Fact]
    public void AddingOlderThanTheWindow_ReturnsFalseAndChangesNothing()
    {
        var ring = new BucketRing(Minute, 5);
        ring.TryAdd(M(10), SentimentLabel.Neutral);

        Assert.False(ring.TryAdd(M(5, 59), SentimentLabel.Negative)); // minute 5 is just outside 6 .. 10
        Assert.False(ring.TryAdd(M(-1000), SentimentLabel.Negative));
        Assert.True(ring.TryAdd(M(6), SentimentLabel.Neutral));

        Assert.Equal([1, 0, 0, 0, 1], Volumes(ring));
        Assert.Equal(0, ring.Sum().Negative);
        Assert.Equal(M(10), ring.NewestStart);
    }

    [Theory]
    [InlineData(5)] // exactly Count buckets ahead
    [InlineData(6)]
    [InlineData(1_000)]
    [InlineData(10_000_000)]
    public void JumpingAtLeastCountBucketsAhead_ClearsEverything(int minutes)
    {
        var ring = new BucketRing(Minute, 5);
        for (var i = 0; i < 5; i++) ring.TryAdd(M(i), SentimentLabel.Positive);

        ring.TryAdd(M(4 + minutes), SentimentLabel.Negative);

        Assert.Equal([0, 0, 0, 0, 1], Volumes(ring));
        Assert.Equal(new BucketCounts(1, 0, 0, 1), ring.Sum());
    }

    [Fact]
    public void JumpingFewerThanCountBucketsAhead_KeepsTheOverlap()
    {
        var ring = new BucketRing(Minute, 5);
        for (var i = 0; i < 5; i++)
            for (var n = 0; n <= i; n++)
                ring.TryAdd(M(i), SentimentLabel.Neutral); // minute i holds i + 1

        ring.TryAdd(M(7), SentimentLabel.Neutral);

        Assert.Equal([4, 5, 0, 0, 1], Volumes(ring)); // minutes 3 .. 7
    }

    [Fact]
    public void AdvanceTo_SlidesWithoutAdding_AndNeverGoesBack()
    {
        var ring = new BucketRing(Minute, 3);
        ring.TryAdd(M(0), SentimentLabel.Neutral);

        ring.AdvanceTo(M(1, 30));
        Assert.Equal([0, 1, 0], Volumes(ring));
        Assert.Equal(M(1), ring.NewestStart);

        ring.AdvanceTo(M(-10));
        Assert.Equal([0, 1, 0], Volumes(ring));
        Assert.Equal(M(1), ring.NewestStart);

        ring.AdvanceTo(M(3));
        Assert.Equal([0, 0, 0], Volumes(ring));
        Assert.Equal(default, ring.Sum());
    }

    [Fact]
    public void AdvanceTo_OnANewRing_SetsTheWindow()
    {
        var ring = new BucketRing(Minute, 3);

        ring.AdvanceTo(M(10));

        Assert.Equal(M(10), ring.NewestStart);
        Assert.False(ring.TryAdd(M(7), SentimentLabel.Neutral));
        Assert.True(ring.TryAdd(M(8), SentimentLabel.Neutral));
        Assert.Equal([1, 0, 0], Volumes(ring));
    }

    [Fact]
    public void ToArray_IsOldestFirst_AcrossTheWrapOfTheSlots()
    {
        var ring = new BucketRing(Minute, 4);
        // Minutes 0 .. 9 with minute i holding i + 1 mentions: the head wraps round the 4 slots twice.
        for (var i = 0; i < 10; i++)
            for (var n = 0; n <= i; n++)
                ring.TryAdd(M(i), SentimentLabel.Neutral);

        Assert.Equal([7, 8, 9, 10], Volumes(ring));
    }

    [Fact]
    public void SumNewest_SumsTheNewestBuckets()
    {
        var ring = new BucketRing(Minute, 4);
        ring.TryAdd(M(0), SentimentLabel.Positive);
        ring.TryAdd(M(1), SentimentLabel.Negative);
        ring.TryAdd(M(1), SentimentLabel.Negative);
        ring.TryAdd(M(3), SentimentLabel.Neutral);

        Assert.Equal(new BucketCounts(0, 0, 0, 0), ring.SumNewest(0));
        Assert.Equal(new BucketCounts(1, 0, 1, 0), ring.SumNewest(1));
        Assert.Equal(new BucketCounts(1, 0, 1, 0), ring.SumNewest(2)); // minute 2 is empty
        Assert.Equal(new BucketCounts(3, 0, 1, 2), ring.SumNewest(3));
        Assert.Equal(new BucketCounts(4, 1, 1, 2), ring.SumNewest(4));
        Assert.Equal(ring.Sum(), ring.SumNewest(100));
    }

    [Fact]
    public void WorksWithTimesBeforeAndAfterTheEpochOfTicks()
    {
        var ring = new BucketRing(TimeSpan.FromHours(1), 3);

        Assert.True(ring.TryAdd(DateTimeOffset.MinValue, SentimentLabel.Neutral));
        Assert.True(ring.TryAdd(DateTimeOffset.MaxValue, SentimentLabel.Neutral));

        Assert.Equal(1, ring.Sum().Volume);
    }

    [Fact]
    public void MatchesAReferenceModel_UnderRandomAddsAndAdvances()
    {
        const int count = 7;
        var random = new Random(20261123);
        var ring = new BucketRing(Minute, count);
        var added = new List<(long Minute, SentimentLabel Label)>();
        long? head = null;

        for (var step = 0; step < 5_000; step++)
        {
            // Mostly small moves around the head, sometimes big jumps forward or far back.
            var delta = random.Next(10) switch { 0 => random.Next(-50, 50), 1 => random.Next(count, 3 * count), _ => random.Next(-count - 1, 3) };
            var minute = (head ?? 1_000) + delta;
            if (random.Next(4) == 0)
            {
                ring.AdvanceTo(M((int)minute, random.Next(60)));
                head = head is null ? minute : Math.Max(head.Value, minute);
            }
            else
            {
                var label = (SentimentLabel)random.Next(-1, 2);
                var newHead = head is null ? minute : Math.Max(head.Value, minute);
                var expectedAccepted = minute > newHead - count;
                Assert.Equal(expectedAccepted, ring.TryAdd(M((int)minute, random.Next(60)), label));
                head = newHead;
                if (expectedAccepted) added.Add((minute, label));
            }

            var expected = new BucketCounts[count];
            foreach (var (m, label) in added)
            {
                var slot = m - (head!.Value - count + 1);
                if (slot >= 0) expected[slot] = expected[slot].Add(label);
            }
            Assert.Equal(expected, ring.ToArray());
            Assert.Equal(expected.Aggregate(default(BucketCounts), (a, b) => a + b), ring.Sum());
            Assert.Equal(expected[^3..].Aggregate(default(BucketCounts), (a, b) => a + b), ring.SumNewest(3));
            Assert.Equal(M((int)head!.Value), ring.NewestStart);
        }
    }
}
