using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Detection;

public sealed class SentimentShiftDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Days of ordinary tone: about <paramref name="share"/> of 4–6 opinions a minute negative, varying as a binomial would.</summary>
    private static (SentimentShiftDetector Detector, DateTimeOffset Next, double MaxScore) Ordinary(double share = 0.3, int days = 3, int seed = 1)
    {
        var detector = new SentimentShiftDetector();
        var random = new Random(seed);
        var max = 0.0;
        var minute = T0;
        for (; minute < T0.AddDays(days); minute = minute.AddMinutes(1))
        {
            var opinions = 4 + random.Next(3);
            var negative = Enumerable.Range(0, opinions).Count(_ => random.NextDouble() < share);
            max = Math.Max(max, detector.Observe(minute, negative, opinions).Score);
        }
        return (detector, minute, max);
    }

    [Fact]
    public void Ordinary_tone_never_scores_as_a_shift()
    {
        var (_, _, max) = Ordinary();
        Assert.True(max < 0.45, $"max score {max}"); // raising takes 0.5
    }

    [Fact]
    public void A_turn_at_normal_volume_scores_high_within_minutes()
    {
        var (detector, minute, _) = Ordinary();
        var turned = new List<SentimentShift>();
        for (var i = 0; i < 20; i++) turned.Add(detector.Observe(minute.AddMinutes(i), 4, 5)); // 80 % negative, same volume
        var first = turned.FindIndex(s => s.Score >= 0.5);
        Assert.True(first >= 0, string.Join("\n", turned));
        // A 20-minute window has to fill with the turned tone before the evidence is strong: about ten minutes.
        Assert.InRange(first, 5, 14);
        var at = turned[first];
        Assert.InRange(at.ExpectedShare, 0.25, 0.35);
        Assert.True(at.NetSentiment < at.ExpectedNetSentiment - 0.3, $"{at.NetSentiment} vs {at.ExpectedNetSentiment}");
    }

    [Fact]
    public void Tiny_numbers_never_alert()
    {
        var (detector, minute, _) = Ordinary();
        // An hour of near silence with every opinion negative: 1 a minute, but never 20 in a window.
        for (var i = 0; i < 60; i++)
        {
            var verdict = detector.Observe(minute.AddMinutes(i), i % 2, i % 2);
            Assert.True(verdict.Opinions < 20 || verdict.Score == 0, $"minute {i}: {verdict}");
            Assert.Equal(0, verdict.Score);
        }
    }

    [Fact]
    public void Nothing_is_judged_while_warming_up()
    {
        var detector = new SentimentShiftDetector();
        for (var i = 0; i < 120; i++)
        {
            var verdict = detector.Observe(T0.AddMinutes(i), 5, 5);
            Assert.True(verdict.WarmingUp);
            Assert.Equal(0, verdict.Score);
        }
    }

    [Fact]
    public void A_sustained_turn_does_not_become_the_baseline()
    {
        var (detector, minute, _) = Ordinary();
        SentimentShift last = default;
        for (var i = 0; i < 180; i++) last = detector.Observe(minute.AddMinutes(i), 4, 5);
        Assert.True(last.Score >= 0.5, $"after three hours of a turned tone the score is {last.Score}");
        Assert.InRange(last.ExpectedShare, 0.25, 0.4);
    }

    [Fact]
    public void The_daily_rhythm_of_tone_is_learned_per_hour()
    {
        // Nights (00–06) are always sour, days mild: after a week the night is normal, not a shift.
        var detector = new SentimentShiftDetector();
        var random = new Random(3);
        var maxNightScoreLastDay = 0.0;
        for (var minute = T0; minute < T0.AddDays(8); minute = minute.AddMinutes(1))
        {
            var share = minute.Hour < 6 ? 0.75 : 0.25;
            var negative = Enumerable.Range(0, 6).Count(_ => random.NextDouble() < share);
            var verdict = detector.Observe(minute, negative, 6);
            if (minute >= T0.AddDays(7) && minute.Hour is >= 1 and < 6) maxNightScoreLastDay = Math.Max(maxNightScoreLastDay, verdict.Score);
            if (minute >= T0.AddDays(7) && minute.Hour == 3) Assert.True(verdict.Seasonal);
        }
        Assert.True(maxNightScoreLastDay < 0.3, $"night score {maxNightScoreLastDay}");
    }

    [Fact]
    public void Minutes_must_come_in_order()
    {
        var detector = new SentimentShiftDetector();
        detector.Observe(T0, 1, 2);
        Assert.Throws<ArgumentException>(() => detector.Observe(T0, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => detector.Observe(T0.AddMinutes(1), 3, 2));
    }
}
