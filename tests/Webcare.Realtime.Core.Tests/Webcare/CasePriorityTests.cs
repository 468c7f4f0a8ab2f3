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
        Assert.Equal("Privacy / datalek", leak.Texts[0]);
        Assert.Equal("Mogelijke medische fout", error.Texts[0]);
        Assert.Contains("Bereik: 250.000 volgers", famous.Texts);
    }

    [Fact]
    public void A_topic_named_datalek_counts_as_the_privacy_category() =>
        Assert.Contains("Privacy / datalek", CasePriority.Of(Case() with { Topics = ["Datalek"] }, T0).Texts);

    [Fact]
    public void Waiting_raises_priority_and_says_how_long()
    {
        var fresh = CasePriority.Of(Case(), T0);
        var soon = CasePriority.Of(Case(), T0 + TimeSpan.FromMinutes(100));
        var late = CasePriority.Of(Case(), T0 + TimeSpan.FromMinutes(150));
        Assert.True(fresh.Score < soon.Score && soon.Score < late.Score);
        Assert.Contains("SLA bijna verlopen, wacht al 1 u 40 min", soon.Texts);
        Assert.Equal("SLA verlopen, wacht al 2 u 30 min", late.Texts[0]);
    }

    [Fact]
    public void Spread_shares_and_strong_negativity_add_with_their_reasons()
    {
        var plain = CasePriority.Of(Case(), T0);
        var spread = CasePriority.Of(Case() with { Authors = ["a", "b", "c", "d", "e", "f", "g", "h"], Shares = 40, WorstSentiment = -0.9 }, T0);
        Assert.True(spread.Score > plain.Score + 20);
        Assert.Contains("Verspreidt zich: 8 mensen in het gesprek", spread.Texts);
        Assert.Contains("40× gedeeld", spread.Texts);
        Assert.Contains("Zeer negatief", spread.Texts);
        Assert.InRange(spread.Score, 0, 100);
    }

    [Fact]
    public void The_complaint_category_quality_of_care_counts_as_a_possible_medical_error() =>
        Assert.Equal("Mogelijke medische fout", CasePriority.Of(Case() with { Categories = ["QualityOfCare"] }, T0).Texts[0]);

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

    [Fact]
    public void Every_reason_carries_a_stable_code_with_its_figures_beside_the_dutch_text()
    {
        var busy = CasePriority.Of(Case(ResponseReason.Negative | ResponseReason.Question | ResponseReason.PrivacySensitive) with
        {
            Categories = ["privacy", "Medische fout"], MaxFollowers = 250_000, Shares = 40, WorstSentiment = -0.9,
            Authors = ["a", "b", "c", "d", "e", "f"], Reopens = 1,
        }, T0 + TimeSpan.FromMinutes(150));
        Assert.Equal(
            ["privacy", "medical-error", "sla-breached", "reach", "personal-data-in-public", "very-negative", "reopened", "shared", "question", "spreading"],
            busy.Reasons.Select(r => r.Code));
        Assert.Equal(busy.Texts, busy.Reasons.Select(r => r.Text));
        Assert.Equal(250_000, busy.Reasons.Single(r => r.Code == "reach").Count);
        Assert.Equal(40, busy.Reasons.Single(r => r.Code == "shared").Count);
        Assert.Equal(6, busy.Reasons.Single(r => r.Code == "spreading").Count);
        Assert.Equal(150, busy.Reasons.Single(r => r.Code == "sla-breached").WaitedMinutes);

        Assert.Equal(["negative", "waiting"], CasePriority.Of(Case(), T0 + TimeSpan.FromMinutes(20)).Reasons.Select(r => r.Code));
        Assert.Equal(20, CasePriority.Of(Case(), T0 + TimeSpan.FromMinutes(20)).Reasons[1].WaitedMinutes);
        Assert.Equal("sla-due-soon", CasePriority.Of(Case(), T0 + TimeSpan.FromMinutes(100)).Reasons[0].Code);
    }
}
