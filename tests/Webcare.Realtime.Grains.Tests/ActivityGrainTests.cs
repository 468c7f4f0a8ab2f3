using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Contracts;
using static Webcare.Realtime.Grains.Tests.TestMentions;

namespace Webcare.Realtime.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ActivityGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Counts_a_batch_by_sentiment_in_the_minute_it_happened()
    {
        var now = fixture.Clock.GetUtcNow();
        var grain = fixture.Grains.GetGrain<ISourceGrain>("src-counts-" + Guid.NewGuid());
        var summary = await grain.RecordAsync(Batch(
            Enrich(Make("t", "1", now.AddMinutes(-5)), SentimentLabel.Negative),
            Enrich(Make("t", "2", now.AddMinutes(-5)), SentimentLabel.Negative),
            Enrich(Make("t", "3", now), SentimentLabel.Positive),
            Enrich(Make("t", "4", now.AddHours(-3)), SentimentLabel.Neutral)));

        Assert.Equal(4, summary.Total);
        Assert.Equal(new Core.Aggregation.BucketCounts(3, 1, 0, 2), summary.LastHour);
        Assert.Equal(4, summary.Last24Hours.Volume);
        Assert.Equal(60, summary.MinuteVolume.Length);
        Assert.Equal(1, summary.MinuteVolume[^1]);
        Assert.Equal(2, summary.MinuteVolume[^6]);
        Assert.Equal(2, summary.MinuteNegative[^6]);
        Assert.Equal(-0.333, summary.NetSentiment);
    }

    [Fact]
    public async Task Windows_slide_with_the_clock_and_the_day_series_keeps_what_left_the_hour()
    {
        var grain = fixture.Grains.GetGrain<ITopicGrain>("topic-slide-" + Guid.NewGuid());
        var now = fixture.Clock.GetUtcNow();
        await grain.RecordAsync(Batch(Enrich(Make("t", "1", now), SentimentLabel.Negative)));

        fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        var later = await grain.GetSummaryAsync();
        Assert.Equal(0, later.LastHour.Volume);
        Assert.Equal(1, later.Last24Hours.Volume);
        Assert.Equal(1, later.Total);

        fixture.Clock.Advance(TimeSpan.FromHours(24));
        var nextDay = await grain.GetSummaryAsync();
        Assert.Equal(0, nextDay.Last24Hours.Volume);
        Assert.Equal(1, nextDay.Total);
    }

    [Fact]
    public async Task Top_authors_are_ranked_by_reach()
    {
        var now = fixture.Clock.GetUtcNow();
        var grain = fixture.Grains.GetGrain<ISourceGrain>("src-authors-" + Guid.NewGuid());
        var summary = await grain.RecordAsync(Batch(
            Enrich(Make("t", "1", now, author: "@klein", followers: 12)),
            Enrich(Make("t", "2", now, author: "@journalist", followers: 150_000)),
            Enrich(Make("t", "3", now, author: "@klein", followers: 12))));

        Assert.Equal(["@journalist", "@klein"], summary.TopAuthors.Select(a => a.Handle));
        Assert.Equal(2, summary.TopAuthors[1].Mentions);
    }
}
