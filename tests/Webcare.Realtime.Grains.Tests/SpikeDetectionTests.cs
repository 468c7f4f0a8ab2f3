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

    [Fact]
    public async Task A_turn_in_tone_at_normal_volume_raises_one_sentiment_shift_that_explains_itself()
    {
        var tenant = "tone-" + Guid.NewGuid().ToString("N")[..6];
        // A seeded topic (query "wacht*, \"lang wachten\", wachtlijst"): its own words never count as top terms.
        var topic = fixture.Grains.GetGrain<ITopicGrain>(TenantKey.Of(tenant, "wachttijd"));
        var book = fixture.Grains.GetGrain<IAlertBookGrain>(tenant);
        var id = 0;

        async Task Minute(int negativePerTen, string negativeText)
        {
            var now = fixture.Clock.GetUtcNow();
            var batch = Enumerable.Range(0, 6).Select(i =>
            {
                var n = id++;
                var negative = n % 10 < negativePerTen;
                return Enrich(Make("twitter", $"t{n}", now.AddSeconds(-i * 5), negative ? negativeText : "fijn geholpen bij de wachtlijst balie", $"@u{n % 97}"),
                    negative ? SentimentLabel.Negative : SentimentLabel.Positive);
            }).ToImmutableArray();
            await topic.RecordAsync(batch);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await topic.TickAsync();
        }

        for (var m = 0; m < 240; m++) await Minute(3, "lang wachten op de poli, balen");   // four hours, 30 % negative
        Assert.Empty(await book.GetAsync());

        for (var m = 0; m < 30; m++) await Minute(9, "operatie weer uitgesteld, schandalig wachtlijst"); // 90 % negative, same volume
        var alerts = await book.GetAsync();
        var shift = Assert.Single(alerts);
        Assert.Equal((AlertKind.SentimentShift, "topic", "wachttijd"), (shift.Kind, shift.Scope, shift.Subject));
        Assert.True(shift.NetSentiment < shift.ExpectedNetSentiment - 0.5, $"net {shift.NetSentiment} vs {shift.ExpectedNetSentiment}");
        var terms = shift.TopTerms.Select(t => t.Term).ToArray();
        Assert.Contains("uitgesteld", terms);
        Assert.Contains("operatie", terms);
        Assert.DoesNotContain("wachtlijst", terms);
        Assert.All(shift.FirstMentions, m => Assert.Equal(SentimentLabel.Negative, m.Label));

        for (var m = 0; m < 60; m++) await Minute(3, "lang wachten op de poli, balen");
        var after = Assert.Single(await book.GetAsync());
        Assert.Equal((shift.Id, AlertState.Resolved), (after.Id, after.State)); // one incident, resolved, never re-raised
        Assert.Contains("uitgesteld", after.TopTerms.Select(t => t.Term));
    }

    [Fact]
    public async Task A_topic_grain_that_is_deactivated_mid_incident_keeps_its_rhythm_and_its_open_alert()
    {
        var tenant = "restart-" + Guid.NewGuid().ToString("N")[..6];
        var topic = fixture.Grains.GetGrain<ITopicGrain>(TenantKey.Of(tenant, "Datalek"));
        var book = fixture.Grains.GetGrain<IAlertBookGrain>(tenant);
        var id = 0;

        async Task Minute(int mentions)
        {
            var now = fixture.Clock.GetUtcNow();
            var batch = Enumerable.Range(0, mentions)
                .Select(i => Enrich(Make("twitter", $"r{id++}", now.AddSeconds(-(i % 20)), "tekst", $"@u{id}"))).ToImmutableArray();
            if (batch.Length > 0) await topic.RecordAsync(batch);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await topic.TickAsync();
        }

        for (var m = 0; m < 120; m++) await Minute(2 + m % 3);
        for (var m = 0; m < 3; m++) await Minute(60);
        var raised = Assert.Single(await book.GetAsync());
        Assert.Equal((AlertKind.VolumeSpike, true), (raised.Kind, raised.IsOpen));

        // Deactivate (as a silo restart or a migration would); the next call activates it afresh from storage.
        await topic.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        Assert.True(await PollAsync(async () => (await topic.GetSummaryAsync()).Total == 0), "the topic grain was not reactivated");

        for (var m = 0; m < 3; m++) await Minute(60);   // the same incident goes on
        var during = Assert.Single(await book.GetAsync());
        Assert.Equal(raised.Id, during.Id);             // not raised again under a new number

        for (var m = 0; m < 45; m++) await Minute(2 + m % 3);
        var after = Assert.Single(await book.GetAsync());
        // Resolved by the restored tracker: a fresh one would not know the incident and leave it open for ever.
        Assert.Equal((raised.Id, AlertState.Resolved), (after.Id, after.State));
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return false;
    }
}
