using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Detection;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Alerts;

/// <summary>The tone watch as the grain runs it: mentions into the aggregate, closed minutes into the watch.</summary>
public sealed class ActivityWatchToneTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly ActivityAggregate _aggregate = new();
    private readonly ActivityWatch _watch = new(TimeZoneInfo.Utc);
    private readonly Random _random = new(11);
    private DateTimeOffset _minute = T0;
    private int _id;

    /// <summary>Minutes of five posts, each its own conversation, each negative with this chance (else positive).</summary>
    private List<ActivityWatch.Step> Posts(int minutes, double negativeShare, Action<DateTimeOffset>? alsoEachMinute = null)
    {
        var steps = new List<ActivityWatch.Step>();
        for (var m = 0; m < minutes; m++, _minute = _minute.AddMinutes(1))
        {
            for (var i = 0; i < 5; i++)
            {
                var label = _random.NextDouble() < negativeShare ? SentimentLabel.Negative : SentimentLabel.Positive;
                var at = _minute.AddSeconds(i * 12);
                _aggregate.Record(Enriched(Mention($"p{_id++}", at), label), at);
            }
            alsoEachMinute?.Invoke(_minute);
            steps.AddRange(_watch.Watch(_aggregate, _minute.AddMinutes(1), judgeFillingMinute: false).Steps);
        }
        return steps;
    }

    [Fact]
    public void One_busy_angry_thread_is_one_voice_but_many_conversations_turning_is_a_sentiment_shift()
    {
        Assert.DoesNotContain(Posts(3 * 24 * 60, 0.3), s => s.Kind == AlertKind.SentimentShift);

        // One complaint draws four angry replies a minute for half an hour: counted per mention, the window's
        // negative share would go from 0.3 to about 0.6.
        var root = $"p{_id++}";
        _aggregate.Record(Enriched(Mention(root, _minute), SentimentLabel.Negative), _minute);
        var thread = Posts(30, 0.3, minute =>
        {
            for (var r = 0; r < 4; r++)
            {
                var at = minute.AddSeconds(5 + r * 14);
                _aggregate.Record(Enriched(Mention($"{root}-r{r}-{_id++}", at, inReplyTo: root, conversationId: root), SentimentLabel.Negative), at);
            }
        });
        Assert.DoesNotContain(thread, s => s.Kind == AlertKind.SentimentShift);
        Assert.DoesNotContain(Posts(120, 0.3), s => s.Kind == AlertKind.SentimentShift);

        // The same extra negativity spread over many people's own posts is a turn in tone.
        var turn = Posts(30, 0.85);
        var raised = Assert.Single(turn, s => s.Kind == AlertKind.SentimentShift && s.Event.Kind == AlertEventKind.Raised);
        Assert.True(raised.Event.Observed > raised.Event.Expected, $"{raised.Event}");
    }
}
