using System.Text.Json;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Detection;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Alerts;

/// <summary>restore(snapshot(x)) behaves like x on the rest of the stream, also after a trip through JSON (as storage does).</summary>
public sealed class ActivityWatchStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static T ThroughJson<T>(T state) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(state))!;

    /// <summary>Minute m's mentions: an ordinary rhythm, then a volume spike, then a turn in tone.</summary>
    private static IEnumerable<(DateTimeOffset At, SentimentLabel Label)> Minute(int m)
    {
        var start = T0.AddMinutes(m);
        var count = m is >= 300 and < 310 ? 80 : 4 + m % 3 + (m / 60 % 24 is >= 8 and < 20 ? 3 : 0);
        for (var i = 0; i < count; i++)
        {
            var negativeEvery = m is >= 330 and < 380 ? 10 : 3; // 30 %, then 90 % negative
            var label = (m * 7 + i) % 10 < negativeEvery ? SentimentLabel.Negative : SentimentLabel.Positive;
            yield return (start.AddSeconds(i * 50.0 / count), label);
        }
    }

    private static List<string> Run(ActivityWatch watch, ActivityAggregate aggregate, int from, int to, ref int id)
    {
        var log = new List<string>();
        for (var m = from; m < to; m++)
        {
            foreach (var (at, label) in Minute(m))
            {
                aggregate.Record(Enriched($"m{id++}", at, label), at);
                log.AddRange(watch.Watch(aggregate, at, judgeFillingMinute: true).Steps.Select(s => $"{at:HH:mm:ss} {s.Kind} {s.Event}"));
            }
            var boundary = T0.AddMinutes(m + 1);
            log.AddRange(watch.Watch(aggregate, boundary, judgeFillingMinute: false).Steps.Select(s => $"{boundary:HH:mm} {s.Kind} {s.Event}"));
        }
        return log;
    }

    [Fact]
    public void A_restored_watch_continues_exactly_like_the_original_through_a_spike_and_a_tone_shift()
    {
        var original = new ActivityWatch(TimeZoneInfo.Utc);
        var aggregate = new ActivityAggregate();
        var id = 0;
        Run(original, aggregate, 0, 290, ref id);

        var state = ThroughJson(original.Snapshot());
        var restored = new ActivityWatch(TimeZoneInfo.Utc, state: state);
        var copyAggregate = new ActivityAggregate();
        var copyId = id;
        // The restored grain starts with an empty aggregate (its windows are not persisted); the watch must not care.
        var expected = Run(original, aggregate, 290, 420, ref id);
        var actual = Run(restored, copyAggregate, 290, 420, ref copyId);

        Assert.True(expected.Any(e => e.Contains("VolumeSpike AlertEvent { Kind = Raised")) && expected.Any(e => e.Contains("SentimentShift AlertEvent { Kind = Raised")), string.Join("\n", expected));
        var firstDifference = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
            .FirstOrDefault(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i], -1);
        Assert.True(firstDifference < 0, firstDifference < 0 ? "" :
            $"line {firstDifference}:\n{expected.ElementAtOrDefault(firstDifference)}\n{actual.ElementAtOrDefault(firstDifference)}");
    }

    [Fact]
    public void An_open_incident_survives_the_snapshot_and_is_neither_lost_nor_raised_again()
    {
        var watch = new SeriesWatch(TimeZoneInfo.Utc);
        for (var m = 0; m < 90; m++) watch.Observe(T0.AddMinutes(m), 2 + m % 3);
        var raised = watch.Observe(T0.AddMinutes(90), 60);
        Assert.Equal(AlertEventKind.Raised, raised!.Kind);

        var restored = new SeriesWatch(TimeZoneInfo.Utc, ThroughJson(watch.Snapshot()));
        Assert.True(restored.IsOpen);
        var next = restored.Observe(T0.AddMinutes(91), 55);             // still the same incident: at most an update
        Assert.True(next is null || (next.Kind == AlertEventKind.Updated && next.IncidentNumber == raised.IncidentNumber), $"{next}");
        AlertEvent? resolved = null;
        for (var m = 92; m < 140 && resolved is null; m++) resolved = restored.Observe(T0.AddMinutes(m), 2 + m % 3);
        Assert.Equal((AlertEventKind.Resolved, raised.IncidentNumber), (resolved!.Kind, resolved.IncidentNumber));
    }

    [Fact]
    public void A_snapshot_is_a_value_later_learning_does_not_change()
    {
        var detector = new CountAnomalyDetector();
        for (var b = 0; b < 50; b++) detector.Observe(T0.AddMinutes(5 * b), 10 + b % 4);
        var snapshot = detector.Snapshot();
        var json = JsonSerializer.Serialize(snapshot);
        for (var b = 50; b < 80; b++) detector.Observe(T0.AddMinutes(5 * b), 30);
        Assert.Equal(json, JsonSerializer.Serialize(snapshot));
        Assert.Throws<ArgumentException>(() => SentimentShiftDetector.Restore(
            new SentimentShiftDetector().Snapshot(), SentimentShiftOptions.Default with { WindowMinutes = 5 }));
    }
}
