using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Alerts;

public sealed class SpreadWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ConversationSummary C(int lastTen, int authors, long reach, int minute = 0) =>
        new("twitter:1", "twitter", "1", "@a", "tekst", lastTen, lastTen, 0, authors, reach, default, lastTen, 0,
            T0, T0.AddMinutes(minute), T0.AddMinutes(minute));

    [Fact]
    public void A_busy_thread_of_a_few_people_is_not_spreading()
    {
        Assert.Null(new SpreadWatch().Observe(C(lastTen: 40, authors: 3, reach: 100_000)));
    }

    [Fact]
    public void A_thread_spreading_across_many_people_is_raised_once_updated_as_it_grows_and_resolved_when_it_calms()
    {
        var watch = new SpreadWatch();
        Assert.Null(watch.Observe(C(lastTen: 20, authors: 18, reach: 5_000)));
        var raised = watch.Observe(C(lastTen: 31, authors: 22, reach: 20_000, minute: 2));
        Assert.Equal(AlertEventKind.Raised, raised!.Kind);
        Assert.Null(watch.Observe(C(lastTen: 32, authors: 23, reach: 20_100, minute: 3))); // no more severe
        var updated = watch.Observe(C(lastTen: 80, authors: 60, reach: 400_000, minute: 6));
        Assert.Equal(AlertEventKind.Updated, updated!.Kind);
        Assert.True(updated.Severity > raised.Severity);
        Assert.Null(watch.Observe(C(lastTen: 6, authors: 50, reach: 400_000, minute: 14))); // still above the keep level
        var resolved = watch.Observe(C(lastTen: 2, authors: 50, reach: 400_000, minute: 20));
        Assert.Equal((AlertEventKind.Resolved, 1L, 80L), (resolved!.Kind, resolved.IncidentNumber, resolved.PeakObserved));
    }

    [Theory]
    [InlineData(15, 10, 3)]
    [InlineData(15, 100_000, 7)]
    [InlineData(30, 20_000, 7)]
    [InlineData(200, 10_000_000, 10)]
    public void Severity_grows_with_reach_and_speed(int lastTen, long reach, int severity) =>
        Assert.Equal(severity, SpreadWatch.Severity(C(lastTen, 20, reach)));
}
