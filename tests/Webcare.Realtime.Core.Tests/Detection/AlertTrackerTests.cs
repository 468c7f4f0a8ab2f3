using Webcare.Realtime.Core.Detection;
using static Webcare.Realtime.Core.Tests.Detection.SyntheticCounts;

namespace Webcare.Realtime.Core.Tests.Detection;

public sealed class AlertTrackerTests
{
    private static CountAnomaly Bucket(int i, double score, long observed = 100, double expected = 40) =>
        new(At(i), observed, expected, score, 1e-9, 9, WarmingUp: false, Seasonal: true);

    private static List<AlertEvent> Feed(AlertTracker tracker, params (double Score, long Observed)[] buckets)
    {
        var events = new List<AlertEvent>();
        for (var i = 0; i < buckets.Length; i++)
            if (tracker.Observe(Bucket(i, buckets[i].Score, buckets[i].Observed)) is { } e) events.Add(e);
        return events;
    }

    private static (double, long)[] Repeat(int n, double score, long observed = 40) =>
        Enumerable.Repeat((score, observed), n).ToArray();

    [Fact]
    public void BelowTheRaiseScore_NothingHappens()
    {
        var tracker = new AlertTracker();

        Assert.Empty(Feed(tracker, Repeat(100, 0.49)));
        Assert.False(tracker.IsOpen);
    }

    [Fact]
    public void OneIncident_IsOneRaisedAlert_UpdatedAsItGrows_ThenResolved()
    {
        var tracker = new AlertTracker();
        (double, long)[] incident = [(0.1, 40), (0.55, 90), (0.7, 160), (0.85, 400), (0.9, 900), (0.8, 600), (0.6, 300)];

        var events = Feed(tracker, [.. incident, .. Repeat(12, 0.05)]);

        Assert.Equal(AlertEventKind.Raised, events[0].Kind);
        Assert.Equal(At(1), events[0].At);
        Assert.Contains(events, e => e.Kind == AlertEventKind.Updated);
        Assert.Equal(AlertEventKind.Resolved, events[^1].Kind);
        Assert.Single(events, e => e.Kind == AlertEventKind.Raised);
        Assert.All(events, e => Assert.Equal(1, e.IncidentNumber));
        Assert.All(events, e => Assert.Equal(At(1), e.OpenedAt));
        // Updates only ever raise the severity; the resolution carries the peak.
        var severities = events.Where(e => e.Kind != AlertEventKind.Resolved).Select(e => e.Severity).ToArray();
        Assert.Equal(severities.Order(), severities);
        Assert.Equal(900, events[^1].PeakObserved);
        Assert.Equal(0.9, events[^1].PeakScore);
    }

    [Fact]
    public void Resolve_WaitsForTheWholeCoolDown()
    {
        var tracker = new AlertTracker(AlertTrackerOptions.Default with { CoolDown = TimeSpan.FromMinutes(30) });

        var events = Feed(tracker, [(0.8, 200), .. Repeat(20, 0.0)]);

        // Raised at bucket 0; quiet from bucket 1; 30 minutes after the last abnormal bucket is bucket 6.
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Resolved], events.Select(e => e.Kind));
        Assert.Equal(At(6), events[1].At);
    }

    [Fact]
    public void Flapping_IsOneIncident()
    {
        var tracker = new AlertTracker();
        var flapping = Enumerable.Range(0, 48).Select(i => (i % 2 == 0 ? 0.8 : 0.0, 200L)).ToArray();

        var events = Feed(tracker, [.. flapping, .. Repeat(12, 0.0)]);

        Assert.Single(events, e => e.Kind == AlertEventKind.Raised);
        Assert.Single(events, e => e.Kind == AlertEventKind.Resolved);
        Assert.Equal(AlertEventKind.Resolved, events[^1].Kind);
    }

    [Fact]
    public void Hysteresis_KeepsTheIncidentOpenBetweenTheKeepAndRaiseScores()
    {
        var tracker = new AlertTracker();

        var events = Feed(tracker, [(0.6, 200), .. Repeat(48, 0.35, 150)]);

        Assert.Equal([AlertEventKind.Raised], events.Select(e => e.Kind));
        Assert.True(tracker.IsOpen);
    }

    [Fact]
    public void AfterResolution_ANewIncidentGetsANewNumber()
    {
        var tracker = new AlertTracker();

        var events = Feed(tracker, [(0.8, 200), .. Repeat(12, 0.0), (0.9, 300), .. Repeat(12, 0.0)]);

        Assert.Equal(
            [(AlertEventKind.Raised, 1L), (AlertEventKind.Resolved, 1L), (AlertEventKind.Raised, 2L), (AlertEventKind.Resolved, 2L)],
            events.Select(e => (e.Kind, e.IncidentNumber)));
        Assert.Equal(2, tracker.Incidents);
    }

    [Fact]
    public void Raised_CarriesTheExplanation()
    {
        var tracker = new AlertTracker();

        var raised = tracker.Observe(Bucket(3, 0.7, observed: 250, expected: 50));

        Assert.NotNull(raised);
        Assert.Equal(250, raised.Observed);
        Assert.Equal(50, raised.Expected);
        Assert.Equal(0.7, raised.Score);
        Assert.InRange(raised.Severity, 1, 10);
    }

    [Fact]
    public void RaiseMinSurprise_WaitsForABucketThatIsImprobableInItself_ThenKeepsByScore()
    {
        var tracker = new AlertTracker(AlertTrackerOptions.Default with { RaiseMinSurprise = 3 });
        CountAnomaly Verdict(int i, double score, double surprise) => new(At(i), 9, 4, score, Math.Pow(10, -surprise), surprise, WarmingUp: false, Seasonal: true);

        // A high score on a bucket that is unremarkable on its own (p = 0.1, "9 vs 4") does not raise.
        Assert.Null(tracker.Observe(Verdict(0, 0.8, 1)));
        Assert.Null(tracker.Observe(Verdict(1, 0.8, 2.9)));
        Assert.False(tracker.IsOpen);
        // The first bucket at one in a thousand does.
        Assert.Equal(AlertEventKind.Raised, tracker.Observe(Verdict(2, 0.6, 3))?.Kind);
        // Once open, the score alone keeps the incident: a plateau of mildly surprising buckets stays open.
        for (var i = 3; i < 40; i++) Assert.Null(tracker.Observe(Verdict(i, 0.4, 0.5)));
        Assert.True(tracker.IsOpen);
    }

    [Fact]
    public void RaiseMinSurprise_OfZero_IsTheScoreRuleAlone()
    {
        var options = AlertTrackerOptions.Default with { RaiseMinSurprise = 0 };
        var quiet = new CountAnomaly(At(0), 9, 4, 0.6, 1, 0, WarmingUp: false, Seasonal: true);

        Assert.True(options.Raises(quiet));
        Assert.False(options.Raises(quiet with { Score = 0.49 }));
        Assert.False((options with { RaiseMinSurprise = 3 }).Raises(quiet));
    }
}
