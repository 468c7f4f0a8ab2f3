using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class ActivityAggregateRebuildTests
{
    private static readonly DateTimeOffset At = Now.AddSeconds(30); // 12:00:30
    private static readonly MentionLogSnapshot SawUpTo100 = new(101, 101, []);

    private static ActivityHistory History(long total = 7) => new(
        SawUpTo100,
        total,
        Now.AddDays(-3),
        Now.AddMinutes(-1),
        [
            new(Now.AddMinutes(-1), new BucketCounts(3, 1, 0, 2)),
            new(Now.AddMinutes(-30), new BucketCounts(1, 0, 1, 0)),
            new(Now.AddMinutes(-90), new BucketCounts(9, 0, 9, 0)), // outside the hour: ignored
        ],
        [
            new(Now.AddMinutes(-5), new BucketCounts(3, 1, 0, 2)),
            new(Now.AddMinutes(-30), new BucketCounts(1, 0, 1, 0)),
            new(Now.AddHours(-5), new BucketCounts(2, 0, 0, 2)),
        ],
        [new AuthorReach("@groot", 50_000, 2), new AuthorReach("@klein", 10, 5)]);

    [Fact]
    public void Rebuild_shows_the_logs_counts_windows_and_authors()
    {
        var aggregate = new ActivityAggregate();
        aggregate.Rebuild(History(), At);

        var summary = aggregate.Summarize("twitter", At);

        Assert.Equal(7, summary.Total);
        Assert.Equal(new BucketCounts(4, 1, 1, 2), summary.LastHour);
        Assert.Equal(new BucketCounts(6, 1, 1, 4), summary.Last24Hours);
        Assert.Equal(3, summary.MinuteVolume[^2]);
        Assert.Equal(2, summary.MinuteNegative[^2]);
        Assert.Equal(1, summary.MinuteVolume[^31]);
        Assert.Equal(Now.AddDays(-3), summary.FirstSeen);
        Assert.Equal(["@groot", "@klein"], summary.TopAuthors.Select(a => a.Handle));
        Assert.Equal(5, summary.TopAuthors[1].Mentions);
    }

    [Fact]
    public void A_mention_the_rebuild_already_counted_is_not_counted_again_but_a_later_one_is()
    {
        var aggregate = new ActivityAggregate();
        aggregate.Rebuild(History(), At);

        var counted = aggregate.Record(Enriched("old", At, SentimentLabel.Negative) with { LogTransaction = 100 }, At);
        var fresh = aggregate.Record(Enriched("new", At, SentimentLabel.Negative) with { LogTransaction = 101 }, At);
        var again = aggregate.Record(Enriched("new", At, SentimentLabel.Negative) with { LogTransaction = 101 }, At);

        Assert.False(counted);
        Assert.True(fresh);
        Assert.False(again);
        Assert.Equal(8, aggregate.Summarize("twitter", At).Total);
    }

    [Fact]
    public void Rebuild_replaces_what_was_counted_before()
    {
        var aggregate = new ActivityAggregate();
        for (var i = 0; i < 20; i++)
            aggregate.Record(Enriched(Mention($"m{i}", At, author: "@weg", followers: 1_000_000), SentimentLabel.Positive), At);

        aggregate.Rebuild(History(total: 7), At);

        var summary = aggregate.Summarize("twitter", At);
        Assert.Equal(7, summary.Total);
        Assert.Equal(1, summary.LastHour.Positive);
        Assert.DoesNotContain(summary.TopAuthors, a => a.Handle == "@weg");
    }

    [Fact]
    public void An_empty_log_rebuilds_to_nothing()
    {
        var aggregate = new ActivityAggregate();
        aggregate.Rebuild(new ActivityHistory(SawUpTo100, 0, null, null, [], [], []), At);

        var summary = aggregate.Summarize("twitter", At);
        Assert.Equal(0, summary.Total);
        Assert.Null(summary.FirstSeen);
        Assert.Equal(60, summary.MinuteVolume.Length);
    }
}
