using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Alerts;

public sealed class SeriesWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static (SeriesWatch Watch, DateTimeOffset Next) Baseline(int minutes = 90)
    {
        var watch = new SeriesWatch(TimeZoneInfo.Utc);
        for (var m = 0; m < minutes; m++) Assert.Null(watch.Observe(T0.AddMinutes(m), 2 + m % 3));
        return (watch, T0.AddMinutes(minutes));
    }

    [Fact]
    public void A_filling_minute_that_is_already_a_spike_raises_early_with_the_number_its_close_confirms()
    {
        var (watch, minute) = Baseline();
        Assert.Null(watch.Peek(minute, 3)); // normal so far

        var early = watch.Peek(minute, 40);
        Assert.Equal(AlertEventKind.Raised, early!.Kind);
        Assert.Null(watch.Peek(minute, 60)); // once per minute

        var closed = watch.Observe(minute, 60);
        Assert.Equal(AlertEventKind.Raised, closed!.Kind);
        Assert.Equal(early.IncidentNumber, closed.IncidentNumber);
        Assert.True(watch.IsOpen);
    }

    [Fact]
    public void A_false_start_is_resolved_when_its_minute_closes_without_confirming()
    {
        var (watch, minute) = Baseline();
        var early = watch.Peek(minute, 40);
        Assert.NotNull(early);

        // The closed minute holds fewer mentions than the peek saw (e.g. late deletions): not confirmed.
        var closed = watch.Observe(minute, 3);
        Assert.Equal(AlertEventKind.Resolved, closed!.Kind);
        Assert.Equal(early!.IncidentNumber, closed.IncidentNumber);
        Assert.False(watch.IsOpen);
    }

    [Fact]
    public void Nothing_is_judged_before_the_detector_has_warmed_up()
    {
        var (watch, minute) = Baseline(minutes: 10);
        Assert.Null(watch.Peek(minute, 500));
    }
}
