using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class MentionAnalyzerTests
{
    private sealed class FixedScorer(SentimentResult result) : ISentimentScorer
    {
        public List<string> Seen { get; } = [];

        public SentimentResult Score(string text)
        {
            Seen.Add(text);
            return result;
        }
    }

    [Fact]
    public void Analyze_ScoresAndMatchesTheText_AndStampsTheReceivedTime()
    {
        var scorer = new FixedScorer(new SentimentResult(-0.7, SentimentLabel.Negative));
        var topics = new TopicMatcher([new("Wachttijden", "wacht*"), new("Parkeren", "parkeren")]);
        var analyzer = new MentionAnalyzer(scorer, topics);
        var mention = Mention("1", Now.AddMinutes(-3), "Lang wachten bij de SEH");

        var enriched = analyzer.Analyze(mention, Now);

        Assert.Same(mention, enriched.Mention);
        Assert.Equal(new SentimentResult(-0.7, SentimentLabel.Negative), enriched.Sentiment);
        Assert.Equal(["Wachttijden"], enriched.Topics.ToArray());
        Assert.Equal(Now, enriched.ReceivedAt);
        Assert.Equal(["Lang wachten bij de SEH"], scorer.Seen);
        Assert.Same(topics, analyzer.Topics);
    }

    [Fact]
    public void Analyze_GivesTheTopicsTheLanguageTheSentimentReadingDetected()
    {
        var topics = new TopicMatcher([new("NL", "lang:nl wacht*"), new("EN", "lang:en wacht*")]);
        var dutch = new MentionAnalyzer(new FixedScorer(SentimentResult.Neutral with { Language = TextLanguage.Dutch }), topics);
        var english = new MentionAnalyzer(new FixedScorer(SentimentResult.Neutral with { Language = TextLanguage.English }), topics);
        var mention = Mention(text: "wachten");

        Assert.Equal(["NL"], dutch.Analyze(mention, Now).Topics.ToArray());
        Assert.Equal(["EN"], english.Analyze(mention, Now).Topics.ToArray());
    }

    [Fact]
    public void Analyze_WithTheRuleScorer_ReadsSentimentCategoriesAndPrivacy()
    {
        var analyzer = new MentionAnalyzer(RuleSentimentScorer.Instance, TopicMatcher.Empty);

        var enriched = analyzer.Analyze(Mention(text: "Schandalig, 3 weken wachten en nog geen afspraak kunnen maken. Bel me op 06-12345678"), Now);

        Assert.Equal(SentimentLabel.Negative, enriched.Sentiment.Label);
        Assert.Equal([ComplaintCategory.WaitingTime, ComplaintCategory.Reachability], enriched.Categories.Select(c => c.Category));
        Assert.Contains("[telefoon]", enriched.DisplayText);
        Assert.Empty(enriched.Topics);
    }
}
