using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Evaluation;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Demo;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Tests.Analysis;

/// <summary>
/// The one tokenisation every analysis shares: its topic words must be exactly what <see cref="WordTokenizer"/>
/// makes of a text (topic queries are cut by that rule), and its reading tokens exactly what the tokenizer
/// gives when no topic words are asked for.
/// </summary>
public sealed class TextTokensTests
{
    public static TheoryData<string> Tricky =>
    [
        "",
        "Héél BOOS!! @umc #Fail, zóóóó'n gedoe 😡 :) https://t.co/x",
        "suuuuuper geholpen door @Zorg_NL, wachttttijd 3 uuuur!!! :D :p <3 </3",
        "&amp; &gt;&lt; &#39;s avonds &quot;wacht&quot;",
        "mail jan@ziekenhuis.nl of bel 06-12345678 / +31 20 123 4567",
        "www.umcutrecht.nl/wacht-tijden?q=seh#1 en http://x.y/z'a",
        "@abc's post, 'quoted' words' it's' a''b rock 'n' roll zo’n",
        "Ωμέγα ПРИВЕТ مرحبا cafe\u0301 x ΑΑΑαααα",
        new string('a', 64) + " " + new string('b', 65) + " " + new string('c', 62) + "'s eind",
        "#1 ##dubbel @@twee 2e keer e-mail ziekenhuis,wachttijd!!ja",
        "regel1\nregel2\r\nregel3 :-) ;) =( :s :| :-/ :/ 10:30",
        "aaaa'aaa bbb’bbbb 1111 xxxx1yyyy",
    ];

    [Theory]
    [MemberData(nameof(Tricky))]
    public void TopicWords_AreTheWordTokenizersWords(string text) => AssertSameWords(text);

    [Fact]
    public void TopicWords_AreTheWordTokenizersWords_OnTheLabeledSetAndTheDemoTemplates()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "labeled-mentions.jsonl");
        var texts = File.ReadLines(path).Where(l => l.Length > 0).Select(l => LabeledMention.Parse(l).Text).ToList();
        texts.AddRange(DemoRootTemplates.All.Select(t => t.Text));
        Assert.True(texts.Count > 400);
        foreach (var text in texts) AssertSameWords(text);
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public void ReadingTokens_DoNotDependOnTopicWordsBeingCollected(string text)
    {
        var folded = new char[text.Length];
        var alone = new SentimentToken[text.Length];
        var n = SentimentTokenizer.Tokenize(text, folded, alone);
        using var shared = TextTokens.Read(text);

        Assert.Equal(
            alone.Take(n).Select(t => (new string(folded, t.Start, t.Length), t.Kind, t.Flags)),
            shared.Tokens.ToArray().Select(t => (t.Text(shared.Folded).ToString(), t.Kind, t.Flags)));
    }

    [Fact]
    public void ReadingATextAgain_ForgetsTheLongerTextBefore()
    {
        using (TextTokens.Read("een heel lange tekst met veel woorden en nog meer woorden")) { }
        using var tokens = TextTokens.Read("kort");

        Assert.Equal(1, tokens.Words.Count);
        Assert.Equal("kort", tokens.Tokens[0].Text(tokens.Folded).ToString());
    }

    [Fact]
    public void TheAnalyzer_GivesWhatEachAnalysisGivesAlone()
    {
        var topics = new TopicMatcher(DemoFeed.DefaultTopics);
        var analyzer = new MentionAnalyzer(RuleSentimentScorer.Instance, topics);
        foreach (var template in DemoRootTemplates.All)
        {
            var mention = new Mention("twitter", "m", DateTimeOffset.UnixEpoch, template.Text);
            var together = analyzer.Analyze(mention, DateTimeOffset.UnixEpoch);
            var sentiment = RuleSentimentScorer.Instance.Score(template.Text);

            Assert.Equal(sentiment.Score, together.Sentiment.Score);
            Assert.Equal(sentiment.Language, together.Sentiment.Language);
            Assert.Equal(sentiment.Evidence.ToArray(), together.Sentiment.Evidence.ToArray());
            Assert.Equal(topics.Match(mention, sentiment.Language).ToArray(), together.Topics.ToArray());
            Assert.Equal(ComplaintClassifier.Instance.Classify(template.Text, sentiment.Language).Select(c => (c.Category, string.Join("|", c.Terms))),
                together.Categories.Select(c => (c.Category, string.Join("|", c.Terms))));
        }
    }

    private static void AssertSameWords(string text)
    {
        using var tokens = TextTokens.Read(text);
        var words = Enumerable.Range(0, tokens.Words.Count)
            .Select(i => tokens.Folded.Slice(tokens.Words.Start[i], tokens.Words.Length[i]).ToString()).ToList();
        Assert.True(WordTokenizer.Tokenize(text).SequenceEqual(words),
            $"{text}\n  word tokenizer: {string.Join(" ", WordTokenizer.Tokenize(text))}\n  shared:         {string.Join(" ", words)}");
    }
}
