using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

public sealed class CasePriorityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlaClock Clock = SlaPolicies.Default(SeriesWatch.Amsterdam).Start("twitter", T0, false)!;

    private static WebcareCase Case(ResponseReason reasons = ResponseReason.Negative) =>
        new("twitter:1", "twitter", CaseState.New, T0, Clock) { Reasons = reasons, NegativeMessages = 1, WorstSentiment = -0.4 };

    [Fact]
    public void Privacy_and_medical_errors_outrank_reach()
    {
        var leak = CasePriority.Of(Case() with { Categories = ["privacy"] }, T0);
        var error = CasePriority.Of(Case() with { Categories = ["Medische fout"] }, T0);
        var famous = CasePriority.Of(Case() with { MaxFollowers = 250_000 }, T0);
        Assert.True(leak.Score > famous.Score);
        Assert.True(error.Score > famous.Score);
        Assert.Equal("Privacy / datalek", leak.Reasons[0]);
        Assert.Equal("Mogelijke medische fout", error.Reasons[0]);
        Assert.Contains("Bereik: 250.000 volgers", famous.Reasons);
    }

    [Fact]
    public void A_topic_named_datalek_counts_as_the_privacy_category() =>
        Assert.Contains("Privacy / datalek", CasePriority.Of(Case() with { Topics = ["Datalek"] }, T0).Reasons);

    [Fact]
    public void Waiting_raises_priority_and_says_how_long()
    {
        var fresh = CasePriority.Of(Case(), T0);
        var soon = CasePriority.Of(Case(), T0 + TimeSpan.FromMinutes(100));
        var late = CasePriority.Of(Case(), T0 + TimeSpan.FromMinutes(150));
        Assert.True(fresh.Score < soon.Score && soon.Score < late.Score);
        Assert.Contains("SLA bijna verlopen, wacht al 1 u 40 min", soon.Reasons);
        Assert.Equal("SLA verlopen, wacht al 2 u 30 min", late.Reasons[0]);
    }

    [Fact]
    public void Spread_shares_and_strong_negativity_add_with_their_reasons()
    {
        var plain = CasePriority.Of(Case(), T0);
        var spread = CasePriority.Of(Case() with { Authors = ["a", "b", "c", "d", "e", "f", "g", "h"], Shares = 40, WorstSentiment = -0.9 }, T0);
        Assert.True(spread.Score > plain.Score + 20);
        Assert.Contains("Verspreidt zich: 8 mensen in het gesprek", spread.Reasons);
        Assert.Contains("40× gedeeld", spread.Reasons);
        Assert.Contains("Zeer negatief", spread.Reasons);
        Assert.InRange(spread.Score, 0, 100);
    }

    [Fact]
    public void The_complaint_category_quality_of_care_counts_as_a_possible_medical_error() =>
        Assert.Equal("Mogelijke medische fout", CasePriority.Of(Case() with { Categories = ["QualityOfCare"] }, T0).Reasons[0]);

    [Fact]
    public void The_score_used_to_rank_the_queue_is_the_score_shown_with_the_reasons()
    {
        WebcareCase[] cases =
        [
            Case(),
            Case(ResponseReason.Question) with { Categories = ["Privacy"], MaxFollowers = 12_000 },
            Case() with { Topics = ["calamiteit SEH"], Shares = 7, Reopens = 1 },
            Case() with { Authors = ["a", "b", "c", "d", "e"], WorstSentiment = -0.8, Reasons = ResponseReason.Negative | ResponseReason.PrivacySensitive },
        ];
        foreach (var c in cases)
            foreach (var minutes in new[] { 0, 30, 100, 150, 600 })
            {
                var now = T0 + TimeSpan.FromMinutes(minutes);
                Assert.Equal(CasePriority.Of(c, now).Score, CasePriority.ScoreOf(c, now));
            }
    }
}
