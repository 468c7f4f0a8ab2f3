using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class ActivityAggregateTests
{
    // 12:00:30, half-way into the 12:00 minute.
    private static readonly DateTimeOffset At = Now.AddSeconds(30);

    private const SentimentLabel Pos = SentimentLabel.Positive;
    private const SentimentLabel Neu = SentimentLabel.Neutral;
    private const SentimentLabel Neg = SentimentLabel.Negative;

    private static readonly (string Id, DateTimeOffset At, SentimentLabel Label)[] Timeline =
    [
        ("a", At.AddSeconds(-20), Pos), // 12:00:10, this minute
        ("b", At.AddSeconds(-50), Neg), // 11:59:40, the minute before
        ("c", At.AddMinutes(-30).AddSeconds(-30), Neg), // 11:30:00
        ("d", At.AddMinutes(-59).AddSeconds(-30), Neu), // 11:01:00, the oldest minute of the hour
        ("e", At.AddMinutes(-59).AddSeconds(-50), Pos), // 11:00:40, just outside the hour
        ("f", At.AddHours(-2), Neg), // 10:00:30
        ("g", At.AddHours(-23).AddMinutes(-50), Neu), // yesterday 12:10:30, inside the 24 hours
        ("h", At.AddHours(-24), Neg), // yesterday 12:00:30, just outside
        ("i", At.AddMinutes(2), Pos), // 12:02:30: two minutes of clock skew, read as now
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Summarize_SplitsTheLastHourAndTheLast24Hours_WhateverTheArrivalOrder(bool reversed)
    {
        var aggregate = new ActivityAggregate();
        foreach (var (id, at, label) in reversed ? Timeline.Reverse() : Timeline)
            aggregate.Record(Enriched(id, at, label), At);

        var summary = aggregate.Summarize("twitter", At);

        Assert.Equal("twitter", summary.Key);
        Assert.Equal(9, summary.Total); // everything recorded, windows or not
        Assert.Equal(new BucketCounts(5, 2, 1, 2), summary.LastHour); // a b c d i
        Assert.Equal(new BucketCounts(8, 3, 2, 3), summary.Last24Hours); // all but h
        Assert.Equal(0.0, summary.NetSentiment);
        Assert.Equal(At, summary.AsOf);
        Assert.Equal(At.AddHours(-24), summary.FirstSeen);
        Assert.Equal(At, summary.LastSeen); // i, clamped to now
    }

    [Fact]
    public void MinuteSeries_AreOldestFirstAndEndWithTheCurrentMinute()
    {
        var aggregate = new ActivityAggregate();
        foreach (var (id, at, label) in Timeline) aggregate.Record(Enriched(id, at, label), At);

        var summary = aggregate.Summarize("twitter", At);

        Assert.Equal(60, summary.MinuteVolume.Length);
        Assert.Equal(60, summary.MinuteNegative.Length);
        Assert.Equal(288, summary.FiveMinuteVolume24Hours.Length);

        var volume = new int[60];
        volume[59] = 2; // a and i
        volume[58] = 1; // b
        volume[29] = 1; // c, 30 minutes ago
        volume[0] = 1; // d, 59 minutes ago
        Assert.Equal(volume, summary.MinuteVolume);

        var negative = new int[60];
        negative[58] = 1;
        negative[29] = 1;
        Assert.Equal(negative, summary.MinuteNegative);

        Assert.Equal(2, summary.FiveMinuteVolume24Hours[287]); // 12:00 - 12:05: a and i
        Assert.Equal(1, summary.FiveMinuteVolume24Hours[286]); // 11:55 - 12:00: b
        Assert.Equal(1, summary.FiveMinuteVolume24Hours[287 - 24]); // 10:00 - 10:05: f
        Assert.Equal(1, summary.FiveMinuteVolume24Hours[1]); // yesterday 12:10 - 12:15: g
        Assert.Equal(8, summary.FiveMinuteVolume24Hours.Sum());
    }

    [Fact]
    public void Summarize_Later_SlidesTheWindowsToTheNewNow()
    {
        var aggregate = new ActivityAggregate();
        foreach (var (id, at, label) in Timeline) aggregate.Record(Enriched(id, at, label), At);

        var later = aggregate.Summarize("twitter", At.AddMinutes(31));

        // 12:31:30: the hour holds 11:32 .. 12:31, so a, b and i are still in it; c (11:30) and d have gone.
        Assert.Equal(new BucketCounts(3, 2, 0, 1), later.LastHour);
        Assert.Equal(2, later.MinuteVolume[59 - 31]);
        Assert.Equal(9, later.Total);

        var tomorrow = aggregate.Summarize("twitter", At.AddHours(25));
        Assert.Equal(default, tomorrow.LastHour);
        Assert.Equal(default, tomorrow.Last24Hours);
        Assert.All(tomorrow.MinuteVolume, v => Assert.Equal(0, v));
        Assert.Null(tomorrow.NetSentiment);
        Assert.Equal(9, tomorrow.Total);
        Assert.Equal(At, tomorrow.LastSeen);
    }

    [Fact]
    public void FutureTimestamp_IsCountedAsNow()
    {
        var aggregate = new ActivityAggregate();

        aggregate.Record(Enriched("1", At.AddMinutes(4), Neg), At);
        var summary = aggregate.Summarize("twitter", At);

        Assert.Equal(1, summary.MinuteVolume[59]);
        Assert.Equal(1, summary.MinuteNegative[59]);
        Assert.Equal(1, summary.LastHour.Volume);
        Assert.Equal(At, summary.FirstSeen);
        Assert.Equal(At, summary.LastSeen);
    }

    [Fact]
    public void EmptyAggregate_SummarizesToZeros()
    {
        var summary = new ActivityAggregate().Summarize("topic", At);

        Assert.Equal(0, summary.Total);
        Assert.Equal(default, summary.LastHour);
        Assert.Equal(default, summary.Last24Hours);
        Assert.Null(summary.NetSentiment);
        Assert.Equal(new int[60], summary.MinuteVolume);
        Assert.Equal(new int[288], summary.FiveMinuteVolume24Hours);
        Assert.Empty(summary.TopAuthors);
        Assert.Null(summary.FirstSeen);
        Assert.Null(summary.LastSeen);
    }

    [Fact]
    public void NetSentiment_IsTheLastHours()
    {
        var aggregate = new ActivityAggregate();
        aggregate.Record(Enriched("1", At, Pos), At);
        aggregate.Record(Enriched("2", At, Pos), At);
        aggregate.Record(Enriched("3", At, Pos), At);
        aggregate.Record(Enriched("4", At, Neg), At);
        aggregate.Record(Enriched("5", At.AddHours(-3), Neg), At); // outside the hour: not counted

        Assert.Equal(0.5, aggregate.Summarize("x", At).NetSentiment);
    }

    [Fact]
    public void TopAuthors_AreOrderedByFollowers_AndSkipMentionsWithoutAuthor()
    {
        var aggregate = new ActivityAggregate();
        aggregate.Record(Enriched("1", At, author: "klein", followers: 10), At);
        aggregate.Record(Enriched("2", At, author: "groot", followers: 50_000), At);
        aggregate.Record(Enriched("3", At, author: "Klein", followers: 12), At);
        aggregate.Record(Enriched("4", At), At);

        var top = aggregate.Summarize("x", At).TopAuthors;

        Assert.Equal(2, top.Length);
        Assert.Equal(new AuthorReach("groot", 50_000, 1), top[0]);
        Assert.Equal("klein", top[1].Handle, ignoreCase: true);
        Assert.Equal(12, top[1].Followers);
        Assert.Equal(2, top[1].Mentions);
    }

    [Fact]
    public void TopAuthors_AfterTenThousandDistinctAuthors_AreTheTenLargest()
    {
        var aggregate = new ActivityAggregate();
        var random = new Random(7);
        var followers = Enumerable.Range(0, 10_000).Select(_ => (long)random.Next(0, 1_000_000)).ToArray();
        followers[4_321] = 50_000_000; // the largest arrives half-way

        for (var i = 0; i < followers.Length; i++)
            aggregate.Record(Enriched($"m{i}", At, author: $"author{i}", followers: followers[i]), At);

        var top = aggregate.Summarize("x", At).TopAuthors;

        Assert.Equal(10, top.Length);
        Assert.Equal(new AuthorReach("author4321", 50_000_000, 1), top[0]);
        var expected = followers.Select((f, i) => (Handle: $"author{i}", Followers: f))
            .OrderByDescending(a => a.Followers).ThenBy(a => a.Handle, StringComparer.Ordinal).Take(10);
        Assert.Equal(expected.Select(a => a.Followers), top.Select(a => a.Followers));
        Assert.Equal(10_000, aggregate.Total);
    }

    [Fact]
    public void The_organisations_own_answers_count_as_volume_but_never_as_public_sentiment()
    {
        var aggregate = new ActivityAggregate();
        aggregate.Record(Enriched("a", At, Neg), At);
        aggregate.Record(Enriched("w1", At, Pos) with { FromOwnAccount = true }, At);
        aggregate.Record(Enriched("w2", At, Pos) with { FromOwnAccount = true }, At);
        aggregate.Record(Enriched("w3", At, Neg) with { FromOwnAccount = true }, At);

        var hour = aggregate.Summarize("twitter", At).LastHour;
        Assert.Equal((4, 0, 1, -1.0), (hour.Volume, hour.Positive, hour.Negative, hour.NetSentiment!.Value));
        Assert.Equal(1, aggregate.Summarize("twitter", At).MinuteNegative[^1]);
    }
}
