using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

public sealed class ResponseMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ResponseSample Sample(string source, double minutes, bool within, DateTimeOffset? opened = null, params string[] topics)
    {
        var at = opened ?? Now - TimeSpan.FromHours(3);
        return new ResponseSample(source, [.. topics], at, at + TimeSpan.FromMinutes(minutes), within);
    }

    [Fact]
    public void Median_p90_and_share_within_sla_per_source_topic_and_day()
    {
        var yesterday = new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero); // 23:30 in Amsterdam: still the 23rd
        ResponseSample[] samples =
        [
            .. Enumerable.Range(1, 10).Select(i => Sample("twitter", i * 10, i <= 8, topics: "Wachttijd")),
            Sample("facebook", 30, true, yesterday),
            Sample("facebook", 500, false, Now - TimeSpan.FromDays(9)), // outside the window
        ];
        var waiting = new WebcareCase("twitter:9", "twitter", CaseState.New, Now - TimeSpan.FromMinutes(50),
            SlaPolicies.Default(SeriesWatch.Amsterdam).Start("twitter", Now - TimeSpan.FromMinutes(50), false)!) { Topics = ["Wachttijd"] };

        var m = ResponseMetrics.Compute(samples, [waiting], SeriesWatch.Amsterdam, Now);

        Assert.Equal(11, m.Overall.Responded);
        Assert.Equal(1, m.Overall.Waiting);
        Assert.Equal(Now - TimeSpan.FromMinutes(50), m.Overall.OldestWaitingSince);
        var twitter = m.BySource.Single(s => s.Key == "twitter");
        Assert.Equal((10, 50.0, 90.0, 0.8, 1), (twitter.Responded, twitter.MedianMinutes, twitter.P90Minutes, twitter.WithinSlaShare, twitter.Waiting));
        var facebook = m.BySource.Single(s => s.Key == "facebook");
        Assert.Equal((1, 30.0, 1.0, 0), (facebook.Responded, facebook.MedianMinutes, facebook.WithinSlaShare, facebook.Waiting));
        Assert.Equal((10, 1), (m.ByTopic.Single().Responded, m.ByTopic.Single().Waiting));
        Assert.Equal(["2026-11-24", "2026-11-23"], m.ByDay.Select(d => d.Key));
        Assert.Equal(1, m.ByDay[1].Responded);
    }

    [Fact]
    public void No_samples_means_no_figures_rather_than_zero()
    {
        var m = ResponseMetrics.Compute([], [], SeriesWatch.Amsterdam, Now);
        Assert.Equal((0, (double?)null, (double?)null, (double?)null, 0), (m.Overall.Responded, m.Overall.MedianMinutes, m.Overall.P90Minutes, m.Overall.WithinSlaShare, m.Overall.Waiting));
    }

    [Theory]
    [InlineData(new double[] { 5 }, 0.9, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 0.9, 10)]
    public void Percentiles_are_nearest_rank(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, ResponseMetrics.Percentile(sorted, p));
}
