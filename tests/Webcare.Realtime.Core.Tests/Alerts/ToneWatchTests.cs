using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Alerts;

public sealed class ToneWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static BucketCounts Minute(int positive, int negative, int neutral = 2) => new(positive + negative + neutral, positive, neutral, negative);

    [Fact]
    public void One_turn_is_one_incident_raised_once_and_resolved_when_the_tone_is_back()
    {
        var watch = new ToneWatch(TimeZoneInfo.Utc);
        var minute = T0;
        var random = new Random(5);
        for (; minute < T0.AddDays(3); minute = minute.AddMinutes(1))
        {
            var negative = Enumerable.Range(0, 5).Count(_ => random.NextDouble() < 0.3);
            Assert.Null(watch.Observe(minute, Minute(5 - negative, negative)));
        }

        var events = new List<AlertEvent>();
        for (var i = 0; i < 40; i++, minute = minute.AddMinutes(1))
            if (watch.Observe(minute, Minute(1, 4)) is { } e) events.Add(e);       // the tone turns for 40 minutes
        for (var i = 0; i < 90; i++, minute = minute.AddMinutes(1))
        {
            var negative = Enumerable.Range(0, 5).Count(_ => random.NextDouble() < 0.3);
            if (watch.Observe(minute, Minute(5 - negative, negative)) is { } e) events.Add(e);
        }

        var raised = Assert.Single(events, e => e.Kind == AlertEventKind.Raised);
        Assert.True(raised.Opinions >= 20 && raised.Observed > raised.Expected, $"{raised}");
        Assert.Single(events, e => e.Kind == AlertEventKind.Resolved);
        Assert.All(events, e => Assert.Equal(raised.IncidentNumber, e.IncidentNumber));
        Assert.Equal(AlertEventKind.Resolved, events[^1].Kind);
        Assert.False(watch.IsOpen);
    }
}
