using Webcare.Realtime.Core.Detection;
using static Webcare.Realtime.Core.Tests.Detection.SyntheticCounts;

namespace Webcare.Realtime.Core.Tests.Detection;

public sealed class CountAnomalyDetectorTests
{
    private static CountAnomaly[] Run(long[] counts, CountAnomalyDetector? detector = null)
    {
        detector ??= new CountAnomalyDetector();
        var results = new CountAnomaly[counts.Length];
        for (var i = 0; i < counts.Length; i++) results[i] = detector.Observe(At(i), counts[i]);
        return results;
    }

    private static AlertEvent[] Alerts(CountAnomaly[] buckets, AlertTracker? tracker = null)
    {
        tracker ??= new AlertTracker();
        var events = new List<AlertEvent>();
        foreach (var bucket in buckets)
            if (tracker.Observe(bucket) is { } e) events.Add(e);
        return [.. events];
    }

    [Fact]
    public void Spike_IsDetected_WithItsExplanation()
    {
        var counts = new SyntheticCounts(1).Flat(2 * PerDay, 50);
        counts[^10] = 200;

        var results = Run(counts);
        var spike = results[^10];

        Assert.True(spike.Score >= AlertTrackerOptions.Default.RaiseScore, $"score {spike.Score}");
        Assert.Equal(200, spike.Observed);
        Assert.InRange(spike.Expected, 42, 58);
        Assert.True(spike.TailProbability < 1e-9, $"p {spike.TailProbability}");
        Assert.True(spike.Surprise > 9);
        var events = Alerts(results);
        Assert.Single(events, e => e.Kind == AlertEventKind.Raised);
        Assert.Equal(At(counts.Length - 10), events[0].At);
    }

    [Fact]
    public void QuietFlatSeries_ScoresLow()
    {
        var results = Run(new SyntheticCounts(2).Flat(3 * PerDay, 50));

        Assert.All(results, r => Assert.InRange(r.Score, 0, 1));
        Assert.Empty(Alerts(results));
        Assert.True(results.Skip(PerDay).Average(r => r.Score) < 0.1);
    }

    [Fact]
    public void TwoHourPlateau_StaysFlagged_AndTheBaselineDoesNotChaseIt()
    {
        var generator = new SyntheticCounts(3);
        var before = generator.Flat(2 * PerDay, 50);
        var plateau = generator.Flat(2 * PerHour, 150);
        var results = Run([.. before, .. plateau]);
        var during = results[before.Length..];

        // Raised within the first quarter hour; from then on every plateau bucket stays above the tracker's
        // keep level, and the expectation stays near the old level.
        var events = Alerts(results);
        Assert.Equal([AlertEventKind.Raised], events.Select(e => e.Kind).Where(k => k != AlertEventKind.Updated));
        Assert.InRange(events[0].At, At(before.Length), At(before.Length + 2));
        Assert.All(during[3..], r => Assert.True(r.Score >= AlertTrackerOptions.Default.KeepScore, $"{r.Start:t}: score {r.Score}"));
        Assert.All(during, r => Assert.InRange(r.Expected, 40, 65));
        Assert.True(during[^1].Score >= during[3].Score * 0.8, $"score faded from {during[3].Score} to {during[^1].Score}");
    }

    [Fact]
    public void SixHourPlateau_KeepsItsAlertOpenUntilItEnds()
    {
        var generator = new SyntheticCounts(14);
        var before = generator.Flat(2 * PerDay, 50);
        var plateau = generator.Flat(6 * PerHour, 150);
        var after = generator.Flat(2 * PerHour, 50);

        var events = Alerts(Run([.. before, .. plateau, .. after]));

        var resolved = Assert.Single(events, e => e.Kind == AlertEventKind.Resolved);
        Assert.Single(events, e => e.Kind == AlertEventKind.Raised);
        Assert.True(resolved.At >= At(before.Length + plateau.Length), $"resolved at {resolved.At:t}, during the plateau");
    }

    [Fact]
    public void LastingLevelShift_IsEventuallyLearned()
    {
        var generator = new SyntheticCounts(4);
        var results = Run([.. generator.Flat(2 * PerDay, 50), .. generator.Flat(10 * PerDay, 150)]);

        // Damped, not frozen: days later the new level is the normal one.
        Assert.InRange(results[^1].Expected, 120, 180);
        Assert.True(results[^PerDay..].Max(r => r.Score) < AlertTrackerOptions.Default.RaiseScore);
    }

    [Fact]
    public void TinyCounts_NeverAlert()
    {
        var generator = new SyntheticCounts(5);
        var counts = generator.Flat(14 * PerDay, 0.3);
        // "0 vs 0" for a day, then "1 vs 3" and "0 vs 4" now and then.
        for (var i = 2 * PerDay; i < 3 * PerDay; i++) counts[i] = 0;
        for (var i = 3 * PerDay; i < counts.Length; i += 37) counts[i] = 3;
        for (var i = 3 * PerDay + 5; i < counts.Length; i += 101) counts[i] = 4;

        var results = Run(counts);

        Assert.Empty(Alerts(results));
        Assert.All(results, r => Assert.True(r.Observed >= 5 || r.Surprise == 0, $"{r.Start}: {r.Observed} vs {r.Expected}"));
    }

    [Fact]
    public void DailyAndWeeklyRhythm_OverTwoWeeks_GivesNoAlerts()
    {
        var counts = new SyntheticCounts(6).Seasonal(14 * PerDay, 120);

        var results = Run(counts);

        Assert.Empty(Alerts(results));
    }

    [Fact]
    public void SeasonalProfile_TakesOverFromTheGlobalBaseline()
    {
        var counts = new SyntheticCounts(7).Seasonal(21 * PerDay, 120);

        var results = Run(counts);

        Assert.False(results[PerDay].Seasonal);
        Assert.True(results[3 * PerDay].Seasonal);
        // Third Wednesday, 15:00 and 03:00: the expectation follows the rhythm, not the daily average.
        var afternoon = 16 * PerDay + 15 * PerHour;
        var night = 16 * PerDay + 3 * PerHour;
        Assert.InRange(results[afternoon].Expected, Rhythm(afternoon, 120) * 0.8, Rhythm(afternoon, 120) * 1.2);
        Assert.InRange(results[night].Expected, Rhythm(night, 120) * 0.6, Rhythm(night, 120) * 1.5);
    }

    [Fact]
    public void SpikeAtNight_IsDetectedEvenThoughItIsBelowTheDaytimeLevel()
    {
        var counts = new SyntheticCounts(8).Seasonal(15 * PerDay, 120);
        var night = 14 * PerDay + 3 * PerHour; // 03:00, normally about 18
        for (var i = night; i < night + 4; i++) counts[i] = 90;

        var results = Run(counts);

        // The score weighs the last half hour of surprise, so a 20-minute burst is raised within it.
        var raised = Assert.Single(Alerts(results), e => e.Kind == AlertEventKind.Raised);
        Assert.InRange(raised.At, At(night), At(night + 3));
        Assert.True(counts[night] < Rhythm(14 * PerDay + 15 * PerHour, 120));
    }

    [Fact]
    public void NegativeSeries_SameDetector_FindsAComplaintStormThatTotalVolumeHides()
    {
        // Negative mentions are about 15 % of volume; a storm doubles them while a promotion lifts positives.
        var generator = new SyntheticCounts(9);
        var days = 15 * PerDay;
        var total = new long[days];
        var negative = new long[days];
        var storm = 14 * PerDay + 14 * PerHour;
        for (var i = 0; i < days; i++)
        {
            var mean = Rhythm(i, 100);
            var inStorm = i >= storm && i < storm + PerHour;
            negative[i] = generator.Poisson(mean * 0.15 * (inStorm ? 3 : 1));
            total[i] = negative[i] + generator.Poisson(mean * 0.85 * (inStorm ? 0.8 : 1));
        }

        var negativeResults = Run(negative);
        var totalResults = Run(total);

        Assert.Single(Alerts(negativeResults), e => e.Kind == AlertEventKind.Raised && e.At >= At(storm) && e.At < At(storm + PerHour));
        Assert.Empty(Alerts(negativeResults[..storm]));
        Assert.Empty(Alerts(totalResults));
    }

    [Fact]
    public void SameStream_SameResults()
    {
        var counts = new SyntheticCounts(10).Seasonal(8 * PerDay, 80);
        counts[7 * PerDay] = 400;

        Assert.Equal(Run(counts), Run(counts));
    }

    [Fact]
    public void State_DoesNotGrowWithTheStream()
    {
        var detector = new CountAnomalyDetector();
        var tracker = new AlertTracker();
        var generator = new SyntheticCounts(11);
        var i = 0;
        for (; i < 2 * PerDay; i++) tracker.Observe(detector.Observe(At(i), generator.Poisson(40)));

        var counts = generator.Flat(100_000, 40); // about a year of 5-minute buckets
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var count in counts) tracker.Observe(detector.Observe(At(i++), count));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Nothing is allocated per bucket, so nothing can accumulate; only alert events allocate.
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes for {counts.Length} buckets");
        Assert.Equal(i, detector.Buckets);
    }

    [Fact]
    public void GapInTheStream_IsTreatedAsTime_NotAsAnAnomaly()
    {
        var generator = new SyntheticCounts(12);
        var detector = new CountAnomalyDetector();
        var results = new List<CountAnomaly>();
        for (var i = 0; i < 3 * PerDay; i++)
        {
            if (i >= PerDay && i < PerDay + 6 * PerHour) continue; // six hours missing
            results.Add(detector.Observe(At(i), generator.Poisson(50)));
        }

        Assert.Empty(Alerts([.. results]));
    }

    [Fact]
    public void OutOfOrderOrNegative_IsRefused()
    {
        var detector = new CountAnomalyDetector();
        detector.Observe(At(1), 3);

        Assert.Throws<ArgumentException>(() => detector.Observe(At(1), 3));
        Assert.Throws<ArgumentException>(() => detector.Observe(At(0), 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => detector.Observe(At(2), -1));
    }

    [Fact]
    public void WarmUp_ScoresZero()
    {
        var detector = new CountAnomalyDetector();
        var results = Enumerable.Range(0, CountAnomalyDetectorOptions.Default.WarmUpBuckets)
            .Select(i => detector.Observe(At(i), i == 5 ? 1000 : 10)).ToArray();

        Assert.All(results, r => Assert.True(r.WarmingUp));
        Assert.All(results, r => Assert.Equal(0, r.Score));
    }

    [Fact]
    public void LocalTimeZone_KeepsTheRhythmAcrossTheDaylightSavingChange()
    {
        // Three weeks of an Amsterdam-time rhythm around the end of summer time (25 October 2026). Read in
        // UTC, the whole day moves an hour on that Sunday; read in local time, it does not.
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var first = new DateTimeOffset(2026, 10, 4, 22, 0, 0, TimeSpan.Zero); // Monday 5 October, 00:00 local
        var generator = new SyntheticCounts(13);
        var buckets = 28 * PerDay;
        var starts = new DateTimeOffset[buckets];
        var means = new double[buckets];
        var counts = new long[buckets];
        for (var i = 0; i < buckets; i++)
        {
            starts[i] = first + Bucket * i;
            means[i] = RhythmAt(TimeZoneInfo.ConvertTime(starts[i], amsterdam), 120);
            counts[i] = generator.Poisson(means[i]);
        }
        var utc = new CountAnomalyDetector();
        var local = new CountAnomalyDetector(CountAnomalyDetectorOptions.Default with { TimeZone = amsterdam });
        double utcError = 0, localError = 0;
        var localAlerts = new AlertTracker();
        for (var i = 0; i < buckets; i++)
        {
            var u = utc.Observe(starts[i], counts[i]);
            var l = local.Observe(starts[i], counts[i]);
            Assert.Null(localAlerts.Observe(l));
            if (i < 21 * PerDay) continue; // the week after the change, before the UTC profile relearns
            utcError += Math.Abs(u.Expected - means[i]);
            localError += Math.Abs(l.Expected - means[i]);
        }

        Assert.True(localError < utcError * 0.8, $"local {localError:F0}, utc {utcError:F0}");
    }

    [Fact]
    public void CountSeries_RaiseOnlyOnABucketImprobableInItself_NotOnAMildlyBusyStretch()
    {
        // Three calm days around 4, then two hours at 12: the window average of surprise climbs above what
        // this calm series is used to, so the score alone raises, but no single bucket reaches p ≤ 1e-4.
        var counts = new SyntheticCounts(11).Flat(3 * PerDay, 4);
        long[] stretch = [.. counts, .. Enumerable.Repeat(12L, 2 * PerHour)];
        var buckets = Run(stretch);

        var byScore = Alerts(buckets, new AlertTracker(AlertTrackerOptions.Default));
        var counted = Alerts(buckets, new AlertTracker(AlertTrackerOptions.Counts));

        Assert.Contains(byScore, e => e.Kind == AlertEventKind.Raised && e.At >= At(3 * PerDay));
        Assert.DoesNotContain(counted, e => e.Kind == AlertEventKind.Raised && e.At >= At(3 * PerDay));
        // A real spike after the same calm still raises at once.
        long[] spike = [.. counts, 60];
        var spikeEvents = Alerts(Run(spike), new AlertTracker(AlertTrackerOptions.Counts));
        Assert.Contains(spikeEvents, e => e.Kind == AlertEventKind.Raised && e.At == At(3 * PerDay));
    }
}
