using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Demo;
using Webcare.Realtime.Core.Tests.Demo;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

/// <summary>Six daytime hours of the demo feed, generated once for these tests.</summary>
public sealed class DemoDaytimeFixture
{
    /// <summary>09:00 in Amsterdam on the demo day.</summary>
    public static readonly DateTimeOffset From = DemoDayFixture.Midnight.AddHours(8);

    public IReadOnlyList<Core.Model.Mention> Mentions { get; } = new DemoFeed(new DemoFeedOptions()).Generate(From, From.AddHours(6));
}

/// <summary>The demo through the webcare queue: the embedded default has answers fast, late and never.</summary>
public sealed class DemoWebcareTests(DemoDaytimeFixture fixture) : IClassFixture<DemoDaytimeFixture>
{
    [Fact]
    public void Every_webcare_answer_in_the_demo_comes_from_a_configured_own_account()
    {
        var own = OwnAccounts.Parse(DemoFeed.OwnAccounts);
        var answers = fixture.Mentions.Where(m => m.Id.EndsWith("-w") || m.Id.EndsWith("-w2")).ToList();
        Assert.True(answers.Count > 100, $"only {answers.Count} answers in six hours");
        Assert.All(answers, m => Assert.True(own.IsOwn(m), $"{m.Source} {m.Author?.Handle} is not an own account"));
        var answerIds = answers.Select(m => m.Key).ToHashSet();
        Assert.DoesNotContain(fixture.Mentions.Where(m => !answerIds.Contains(m.Key)), own.IsOwn);
    }

    [Fact]
    public void The_demo_day_keeps_the_queue_clocks_and_metrics_alive()
    {
        var analyzer = new MentionAnalyzer(new RuleSentimentScorer(), TopicMatcher.Empty, OwnAccounts.Parse(DemoFeed.OwnAccounts));
        var policies = SlaPolicies.Default(SeriesWatch.Amsterdam);
        var queue = new WebcareQueue();
        // 09:00 to 15:00 in Amsterdam, in one-minute batches as the live feed would bring them.
        var from = DemoDaytimeFixture.From;
        foreach (var minute in fixture.Mentions.GroupBy(m => m.CreatedAt.ToUnixTimeSeconds() / 60))
        {
            var now = minute.Max(m => m.CreatedAt);
            queue.Ingest([.. minute.Select(m => analyzer.Analyze(m, now))], policies, crisis: false, now);
        }
        var end = from.AddHours(6);
        var samples = queue.Samples.ToList();
        var board = WebcareBoard.Of(queue, new CrisisStatus(CrisisSetting.Auto, false, null), SeriesWatch.Amsterdam, end);

        Assert.True(samples.Count(s => s.Minutes <= 15) >= 10, "few quick answers");
        Assert.True(samples.Count(s => s.Minutes >= 40) >= 5, "few late answers");
        Assert.True(board.Waiting >= 10, "hardly anything waiting");
        Assert.Contains(board.Queue, i => i.Clock == ClockState.Breached);
        Assert.Contains(board.Queue, i => i.Clock == ClockState.OnTime);
        Assert.InRange(board.Metrics.Overall.WithinSlaShare!.Value, 0.5, 1.0);
    }
}
