using System.Collections.Immutable;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains.Contracts;
using static Webcare.Realtime.Grains.Tests.TestMentions;

namespace Webcare.Realtime.Grains.Tests;

/// <summary>Detection through the real grains: a topic's baseline, a spike, one alert on the tenant's wall, resolved after.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SpikeDetectionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_negative_spike_on_a_topic_raises_one_alert_that_reaches_the_wall_and_resolves_when_it_is_over()
    {
        var tenant = "spike-" + Guid.NewGuid().ToString("N")[..6];
        var topic = fixture.Grains.GetGrain<ITopicGrain>(TenantKey.Of(tenant, "Datalek"));
        var book = fixture.Grains.GetGrain<IAlertBookGrain>(tenant);
        var id = 0;

        async Task Minute(int mentions, SentimentLabel label)
        {
            var now = fixture.Clock.GetUtcNow();
            var batch = Enumerable.Range(0, mentions)
                .Select(i => Enrich(Make("twitter", $"m{id++}", now.AddSeconds(-(i % 20)), "tekst", $"@u{id}"), label)).ToImmutableArray();
            if (batch.Length > 0) await topic.RecordAsync(batch);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await topic.TickAsync();
        }

        for (var m = 0; m < 120; m++) await Minute(2 + m % 3, m % 4 == 0 ? SentimentLabel.Negative : SentimentLabel.Neutral);
        Assert.Empty(await book.GetAsync()); // a quiet baseline raises nothing

        for (var m = 0; m < 5; m++) await Minute(60, SentimentLabel.Negative);
        var alerts = await book.GetAsync();
        var negative = Assert.Single(alerts, a => a.Kind == AlertKind.NegativeSpike);
        Assert.True(negative.IsOpen);
        Assert.Equal(("topic", "Datalek"), (negative.Scope, negative.Subject));
        Assert.True(negative.Observed >= 50 && negative.Expected < 5, $"observed {negative.Observed}, expected {negative.Expected}");
        Assert.InRange(negative.Severity, 1, 10);
        Assert.Equal(60, negative.MinuteVolume.Length);
        Assert.NotEmpty(negative.FirstMentions);
        Assert.Single(alerts, a => a.Kind == AlertKind.VolumeSpike); // one incident, one alert per series

        var wall = await fixture.Grains.GetGrain<IWallFeedGrain>(tenant).GetSnapshotAsync();
        Assert.Contains(wall.Alerts, a => a.Id == negative.Id);

        var acknowledged = await book.AcknowledgeAsync(negative.Id);
        Assert.Equal(AlertState.Acknowledged, acknowledged!.State);

        for (var m = 0; m < 45; m++) await Minute(2 + m % 3, SentimentLabel.Neutral);
        var after = Assert.Single(await book.GetAsync(), a => a.Id == negative.Id);
        Assert.Equal(AlertState.Resolved, after.State);
        Assert.Equal(2, (await book.GetAsync()).Length); // still one alert per incident, never re-raised
    }
}
