using System.Collections.Immutable;
using System.Text;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Demo;

namespace Webcare.Realtime.Core.Tests.Demo;

/// <summary>The catalogues behind the feed: enough variety, and texts that read as they are meant to.</summary>
public sealed class DemoTemplateTests
{
    // The product's scorer, as the ingest path reads every demo mention.
    private static readonly RuleSentimentScorer Scorer = RuleSentimentScorer.Instance;
    private static readonly string[] SocialSources = ["twitter", "facebook", "instagram", "forum"];

    private static readonly Dictionary<string, ImmutableArray<DemoTemplate>> ByName = new()
    {
        ["posts"] = DemoRootTemplates.All,
        ["replies to complaints"] = DemoReplyTemplates.ToComplaint,
        ["replies to praise"] = DemoReplyTemplates.ToPraise,
        ["replies to questions"] = DemoReplyTemplates.ToQuestion,
        ["replies to news"] = DemoReplyTemplates.ToInfo,
        ["data leak posts"] = DemoIncidentTemplates.DataLeakPosts,
        ["data leak replies"] = DemoIncidentTemplates.DataLeakReplies,
        ["closure posts"] = DemoIncidentTemplates.ClosurePosts,
        ["closure replies"] = DemoIncidentTemplates.ClosureReplies,
        ["webcare to complaints"] = DemoWebcareTemplates.ToComplaint,
        ["webcare to questions"] = DemoWebcareTemplates.ToQuestion,
        ["webcare to praise"] = DemoWebcareTemplates.ToPraise,
        ["webcare to reviews"] = DemoWebcareTemplates.ToReview,
        ["webcare to positive reviews"] = DemoWebcareTemplates.ToPositiveReview,
        ["data leak statements"] = DemoWebcareTemplates.DataLeakStatements,
        ["closure statements"] = DemoWebcareTemplates.ClosureStatements,
    };

    public static TheoryData<string> Catalogues => [.. ByName.Keys];

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void No_template_reads_as_the_opposite_of_its_intent(string catalogue)
    {
        var opposite = Render(ByName[catalogue])
            .Select(r => (r.Template, r.Text, Label: Scorer.Score(r.Text).Label))
            .Where(r => r.Template.ExpectedLabel != SentimentLabel.Neutral && r.Label == (SentimentLabel)(-(int)r.Template.ExpectedLabel))
            .Select(r => $"{r.Label} instead of {r.Template.ExpectedLabel}: {r.Text}")
            .Distinct()
            .ToList();

        Assert.True(opposite.Count == 0, $"{catalogue}:\n" + string.Join("\n", opposite));
    }

    [Fact]
    public void Complaints_and_praise_read_as_intended()
    {
        var (right, total, wrong) = Reading(t => t.ExpectedLabel != SentimentLabel.Neutral);

        // 2,489 of 2,493 when measured: the misses are English, read neutral (VADER's negation reaches across a full stop).
        Assert.True(right >= 0.99 * total, $"{right} of {total}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Questions_news_and_webcare_answers_read_neutral_at_least_as_often_as_measured()
    {
        var (right, total, wrong) = Reading(t => t.ExpectedLabel == SentimentLabel.Neutral);

        // A known weakness, not the aim: 143 of 534 when measured. Weak learned Dutch words ("iemand" −0.62, "nieuwe"
        // −0.63, "centrum" +0.63) decide questions, news and webcare answers at the default neutral band
        // (BENCHMARKS.md, "One sentiment scorer"). This floor keeps it from getting worse; raise it as the scorer improves.
        Assert.True(right >= 0.25 * total, $"{right} of {total}:\n" + string.Join("\n", wrong));
    }

    private static (int Right, int Total, List<string> Wrong) Reading(Func<DemoTemplate, bool> which)
    {
        int right = 0, total = 0;
        var wrong = new List<string>();
        foreach (var (template, text) in ByName.Values.SelectMany(c => Render([.. c.Where(which)])).DistinctBy(r => r.Text))
        {
            total++;
            var label = Scorer.Score(text).Label;
            if (label == template.ExpectedLabel) right++;
            else wrong.Add($"{label} instead of {template.ExpectedLabel}: {text}");
        }
        return (right, total, wrong);
    }

    [Fact]
    public void There_are_plenty_of_distinct_post_templates()
    {
        var posts = DemoRootTemplates.All.Concat(DemoIncidentTemplates.DataLeakPosts).Concat(DemoIncidentTemplates.ClosurePosts).ToList();

        Assert.True(posts.Select(t => t.Text).Distinct().Count() >= 80);
        Assert.All(Enum.GetValues<DemoIntent>(), intent => Assert.True(posts.Count(t => t.Intent == intent) >= 10, $"{intent}"));
        Assert.True(posts.Count(t => t.English) >= 8);
    }

    [Fact]
    public void Webcare_answers_do_not_name_the_organisation()
    {
        var matcher = new TopicMatcher(DemoFeed.DefaultTopics);
        var organisations = DemoOrganisation.All.Select(o => o.Name).ToHashSet();
        var webcare = DemoWebcareTemplates.ToComplaint.Concat(DemoWebcareTemplates.ToQuestion).Concat(DemoWebcareTemplates.ToPraise)
            .Concat(DemoWebcareTemplates.ToReview).Concat(DemoWebcareTemplates.ToPositiveReview)
            .Concat(DemoWebcareTemplates.DataLeakStatements).Concat(DemoWebcareTemplates.ClosureStatements);

        Assert.All(Render([.. webcare]), r => Assert.DoesNotContain(matcher.Match(r.Text), organisations.Contains));
    }

    [Fact]
    public void Every_combination_the_feed_draws_from_has_templates()
    {
        foreach (var format in new[] { DemoFormats.Social, DemoFormats.Review, DemoFormats.News })
        foreach (var intent in Enum.GetValues<DemoIntent>())
        foreach (var kind in Enum.GetValues<DemoOrganisationKind>())
        {
            // The traffic never asks for questions on the review site or in the news.
            if (format != DemoFormats.Social && intent == DemoIntent.Question) continue;
            Assert.NotEmpty(DemoTemplateIndex.PostBucket(format, intent, kind, english: true));
        }
        foreach (var incident in Enum.GetValues<DemoIncidentKind>())
        foreach (var format in new[] { DemoFormats.Social, DemoFormats.News })
        foreach (var org in DemoOrganisation.All)
        {
            if (incident == DemoIncidentKind.EmergencyDepartmentClosed && org.Kind != DemoOrganisationKind.Hospital) continue;
            Assert.NotEmpty(DemoTemplateIndex.IncidentBucket(incident, format, org.Kind, english: true));
        }
    }

    /// <summary>Each template for each organisation it suits, on each source it suits, with a few slot fillings.</summary>
    private static IEnumerable<(DemoTemplate Template, string Text)> Render(ImmutableArray<DemoTemplate> templates)
    {
        var text = new StringBuilder();
        foreach (var template in templates)
        foreach (var org in DemoOrganisation.All.Where(o => template.Suits(o.Kind)))
        foreach (var source in Sources(template.Formats))
        for (var seed = 0; seed < 8; seed++)
        {
            var rng = DemoRandom.For(seed, 0);
            text.Clear();
            DemoTextWriter.Write(text, template.Text, org, source, ref rng);
            yield return (template, text.ToString());
        }
    }

    private static IEnumerable<string> Sources(DemoFormats formats)
    {
        if (formats.HasFlag(DemoFormats.Social)) foreach (var s in SocialSources) yield return s;
        if (formats.HasFlag(DemoFormats.Review)) yield return "reviews";
        if (formats.HasFlag(DemoFormats.News)) yield return "news";
    }
}
